import { connectionKinds, connectionStatuses } from '@partnergraph/shared/codes';
import type {
  ConnectionKind,
  ConnectionStatus,
  IntegrationStatus,
  SolutionStatus,
} from '../../api/connections';

export const connectionKindList = connectionKinds;
export const connectionStatusList = connectionStatuses;

/** A connection's kind in words, as a person would name the relationship. */
export const connectionKindLabel: Record<ConnectionKind, string> = {
  referral: 'Referral partnership',
  technology_integration: 'Technology integration',
  co_sell: 'Co-sell',
  implementation: 'Implementation partnership',
  resale: 'Resale / distribution',
  joint_solution: 'Joint solution',
};

export const connectionStatusCopy: Record<ConnectionStatus, { label: string; color: string }> = {
  requested: { label: 'Requested', color: 'yellow' },
  active: { label: 'Active', color: 'green' },
  declined: { label: 'Declined', color: 'red' },
  ended: { label: 'Ended', color: 'gray' },
};

export const integrationStatusCopy: Record<IntegrationStatus, { label: string; color: string }> = {
  draft: { label: 'Draft', color: 'gray' },
  submitted: { label: 'In review', color: 'yellow' },
  published: { label: 'Published', color: 'green' },
  rejected: { label: 'Rejected', color: 'red' },
};

export const solutionStatusCopy: Record<SolutionStatus, { label: string; color: string }> = {
  pending: { label: 'Waiting for members', color: 'yellow' },
  published: { label: 'Published', color: 'green' },
};

/** Partner types that may list integrations (the server's rule, for showing the form only where it works). */
export const integrationBuilderTypes = ['isv', 'technology_partner'];

/** A referral fee as terms show it: "15 %" with up to two decimals. */
export function formatPercent(value: number): string {
  return `${new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(value)}%`;
}
