// The rules live in the shared package, so that the browser keys accounts for account mapping exactly as
// the server matches deals and CRM accounts; this module is the server's door to them.
export {
  customerDomain,
  normalizeCompanyName,
  type CustomerDomain,
} from '@partnergraph/shared/company-identity';
