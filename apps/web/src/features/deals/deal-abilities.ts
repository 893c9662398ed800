import { can } from '@partnergraph/shared/permissions';
import { useQuery } from '@tanstack/react-query';
import type { Deal, Involvement } from '../../api/deals';
import { partnerQueryOptions } from '../../api/partners';
import { useSession } from '../auth/session';
import { isOpen } from './labels';

export interface DealAbilities {
  approve: boolean;
  reject: boolean;
  requestExtension: boolean;
  extend: boolean;
  close: boolean;
  edit: boolean;
  addInvolvement: boolean;
  confirmInvolvement: boolean;
  removeInvolvement: (involvement: Involvement) => boolean;
  /** The vendor invited this person's organization onto the deal: it accepts or declines. */
  answerInvitation: (involvement: Involvement) => boolean;
}

/**
 * What this person may do to this deal, so the page offers only what the server would accept (it
 * checks the same rules again). A channel manager acts only on deals of the partners assigned to
 * them: the deal does not say who that is, so the registering partner is looked up.
 */
export function useDealAbilities(deal: Deal): DealAbilities {
  const { user, organization } = useSession();
  const isVendor = organization.kind === 'vendor';
  const isRegistrant = deal.registeredBy.id === organization.id;
  const canReview = can(user.role, 'deals:review');
  const canUpdate = can(user.role, 'deals:update');
  const needsScope = user.role === 'channel_manager' && !deal.vendorRecorded;
  const partner = useQuery({ ...partnerQueryOptions(deal.registeredBy.id), enabled: needsScope });
  const inScope = !needsScope || partner.data?.channelManager?.id === user.id;
  const vendorMay = isVendor && inScope;

  return {
    approve: canReview && inScope && deal.status === 'registered',
    reject: canReview && inScope && deal.status === 'registered',
    requestExtension:
      canUpdate &&
      !isVendor &&
      isRegistrant &&
      deal.status === 'approved' &&
      deal.protection !== null &&
      deal.protection.extensionRequest === null,
    extend: canReview && inScope && deal.status === 'approved' && deal.protection !== null,
    close: canUpdate && (isRegistrant || vendorMay) && deal.status === 'approved',
    edit: canUpdate && (isRegistrant || vendorMay) && isOpen(deal),
    addInvolvement:
      canUpdate && deal.status !== 'rejected' && (isVendor ? inScope : isRegistrant || deal.myRole !== null),
    confirmInvolvement: canReview && inScope,
    // The registering partner's own involvement stays: the deal is its registration.
    removeInvolvement: (involvement) =>
      canUpdate &&
      involvement.organization.id !== deal.registeredBy.id &&
      (isVendor
        ? inScope
        : involvement.status === 'proposed' && involvement.proposedBy?.id === organization.id),
    answerInvitation: (involvement) =>
      canUpdate && !isVendor && involvement.invitation && involvement.organization.id === organization.id,
  };
}
