import type { ConnectionKind, FacetKey, ProfileStatus } from '../../api/marketplace';

/** The kinds of partner-to-partner relationship, in the words a person reads. */
export const connectionKindCopy: Record<ConnectionKind, { label: string; description: string }> = {
  referral: {
    label: 'Referral partnership',
    description: 'You pass each other prospects; the referrer may earn a fee on won deals.',
  },
  technology_integration: {
    label: 'Technology integration',
    description: 'Your products work together.',
  },
  co_sell: { label: 'Co-sell', description: 'You work the same accounts together.' },
  implementation: {
    label: 'Implementation partnership',
    description: 'One of you sells, the other implements.',
  },
  resale: { label: 'Resale / distribution', description: 'One of you resells or distributes the other.' },
  joint_solution: { label: 'Joint solution', description: 'You build and sell a solution together.' },
};

export const connectionKindList = Object.keys(connectionKindCopy) as ConnectionKind[];

export const connectionStatusCopy: Record<string, { label: string; color: string }> = {
  requested: { label: 'Requested', color: 'yellow' },
  active: { label: 'Active', color: 'green' },
  declined: { label: 'Declined', color: 'gray' },
  ended: { label: 'Ended', color: 'gray' },
};

export const profileStatusCopy: Record<ProfileStatus, { label: string; color: string }> = {
  draft: { label: 'Draft', color: 'gray' },
  published: { label: 'Published', color: 'green' },
  unpublished: { label: 'Unpublished', color: 'orange' },
};

/** The facet panels' headings. */
export const facetLegends: Record<FacetKey, string> = {
  type: 'Partner type',
  country: 'Country',
  industry: 'Industry',
  service: 'Service',
  badge: 'Badge',
  certification: 'Certification',
};
