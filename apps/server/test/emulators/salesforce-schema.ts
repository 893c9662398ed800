/** The described schema of a fresh Salesforce org, as `sobjects/<obj>/describe` answers it (the fields the product reads). */
export interface EmulatedField {
  name: string;
  label: string;
  type: string;
  createable: boolean;
  updateable: boolean;
  custom: boolean;
  nillable: boolean;
  picklistValues: { value: string; label: string; active: boolean }[];
  referenceTo: string[];
}

const f = (
  name: string,
  type: string,
  opts: Partial<Omit<EmulatedField, 'name' | 'type' | 'picklistValues'>> & { picklist?: string[] } = {},
): EmulatedField => ({
  name,
  label: opts.label ?? name.replace(/__c$/, '').replace(/([a-z])([A-Z])/g, '$1 $2'),
  type,
  createable: opts.createable ?? true,
  updateable: opts.updateable ?? true,
  custom: name.endsWith('__c'),
  nillable: opts.nillable ?? true,
  picklistValues: (opts.picklist ?? []).map((v) => ({ value: v, label: v, active: true })),
  referenceTo: opts.referenceTo ?? [],
});

const system = (name: string, type: string) => f(name, type, { createable: false, updateable: false });

const common = [
  system('Id', 'id'),
  system('IsDeleted', 'boolean'),
  system('CreatedDate', 'datetime'),
  system('LastModifiedDate', 'datetime'),
  system('SystemModstamp', 'datetime'),
];

export const opportunityStages = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Id. Decision Makers',
  'Perception Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review',
  'Closed Won',
  'Closed Lost',
];

export function freshOrgSchema(
  multiCurrency: boolean,
  currencies: string[],
): Record<string, EmulatedField[]> {
  const currency = multiCurrency ? [f('CurrencyIsoCode', 'picklist', { picklist: currencies })] : [];
  return {
    Organization: [system('Id', 'id'), system('Name', 'string')],
    Account: [
      ...common,
      f('Name', 'string', { nillable: false }),
      f('Website', 'url'),
      f('Industry', 'picklist', { picklist: ['Technology', 'Finance', 'Retail', 'Other'] }),
      f('BillingCountry', 'string'),
      f('Type', 'picklist', { picklist: ['Prospect', 'Customer', 'Partner', 'Other'] }),
      f('IsPartner', 'boolean'),
      ...currency,
    ],
    Opportunity: [
      ...common,
      f('Name', 'string', { nillable: false }),
      f('AccountId', 'reference', { referenceTo: ['Account'] }),
      f('StageName', 'picklist', { picklist: opportunityStages, nillable: false }),
      f('Amount', 'currency'),
      f('CloseDate', 'date', { nillable: false }),
      f('Description', 'textarea'),
      f('LeadSource', 'picklist', { picklist: ['Web', 'Partner Referral', 'Other'] }),
      system('IsClosed', 'boolean'),
      system('IsWon', 'boolean'),
      ...currency,
    ],
    Lead: [
      ...common,
      f('LastName', 'string', { nillable: false }),
      f('FirstName', 'string'),
      f('Company', 'string', { nillable: false }),
      f('Email', 'email'),
      f('Phone', 'phone'),
      f('Website', 'url'),
      f('Description', 'textarea'),
      f('LeadSource', 'picklist', { picklist: ['Web', 'Partner Referral', 'Other'] }),
      f('Status', 'picklist', {
        picklist: ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted'],
      }),
    ],
    // Partner is the writable object; OpportunityPartner is its read-only view on opportunities.
    Partner: [
      ...common,
      f('OpportunityId', 'reference', { referenceTo: ['Opportunity'], updateable: false }),
      f('AccountToId', 'reference', { referenceTo: ['Account'], updateable: false }),
      f('Role', 'picklist', {
        picklist: [
          'System Integrator',
          'Agency',
          'VAR/Reseller',
          'Distributor',
          'Developer',
          'Broker',
          'Consultant',
        ],
      }),
      f('IsPrimary', 'boolean'),
    ],
    OpportunityPartner: [
      ...common,
      system('OpportunityId', 'reference'),
      system('AccountToId', 'reference'),
      system('Role', 'picklist'),
      system('IsPrimary', 'boolean'),
    ],
  };
}

export const idPrefixes: Record<string, string> = {
  Organization: '00D',
  Account: '001',
  Opportunity: '006',
  Lead: '00Q',
  Partner: '00I',
  OpportunityPartner: '00I',
  User: '005',
};
