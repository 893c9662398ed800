import type { Deal, dealStage, DealStatus, InvolvementRole } from '@partnergraph/shared/contracts/deals';
import type { AttributionModel, DealSort } from '../../api/deals';

// Words for the contract's codes, and runtime copies of its enums: the contract is imported for
// types only (no Zod in the bundle); `satisfies` makes a new code there a type error here.

export type DealStage = (typeof dealStage)['_output'];

// The lists the deal list's URL accepts live with its parser (deal-search.ts), which loads with the app.
export { dealSorts, dealStatuses } from './deal-search';

export const dealStatusCopy: Record<DealStatus, { label: string; color: string }> = {
  registered: { label: 'Registered', color: 'blue' },
  approved: { label: 'Approved', color: 'teal' },
  rejected: { label: 'Rejected', color: 'red' },
  won: { label: 'Won', color: 'green' },
  lost: { label: 'Lost', color: 'gray' },
  expired: { label: 'Expired', color: 'orange' },
};

export const dealStages = [
  'qualification',
  'discovery',
  'proposal',
  'negotiation',
  'commit',
] as const satisfies readonly DealStage[];

export const stageLabels: Record<DealStage, string> = {
  qualification: 'Qualification',
  discovery: 'Discovery',
  proposal: 'Proposal',
  negotiation: 'Negotiation',
  commit: 'Commit',
};

export const involvementRoles = [
  'sourced',
  'referred',
  'co_sell',
  'implementation',
  'integration',
  'influenced',
] as const satisfies readonly InvolvementRole[];

export const roleLabels: Record<InvolvementRole, string> = {
  sourced: 'Sourced',
  referred: 'Referred',
  co_sell: 'Co-sell',
  implementation: 'Implementation',
  integration: 'Integration',
  influenced: 'Influenced',
};

export const attributionModels = [
  'even',
  'first_touch',
  'last_touch',
] as const satisfies readonly AttributionModel[];

export const attributionModelLabels: Record<AttributionModel, string> = {
  even: 'Even',
  first_touch: 'First touch',
  last_touch: 'Last touch',
};

export const sortLabels: Record<DealSort, string> = {
  '-createdAt': 'Newest first',
  createdAt: 'Oldest first',
  expectedCloseDate: 'Closing soonest',
  '-expectedCloseDate': 'Closing latest',
  customerName: 'Customer A–Z',
  '-customerName': 'Customer Z–A',
};

/** Registered and approved deals are still open: they can be edited, and conflicts count only between them. */
export const isOpen = (deal: Pick<Deal, 'status'>) =>
  deal.status === 'registered' || deal.status === 'approved';
