import { errorMessage, isStaleVersion } from '../../api/client';

export const STALE_REFERRAL =
  'This referral was changed by someone else meanwhile. The page now shows where it stands; check it and try again.';

/** What a failed action says: a stale version in plain words, anything else as the server put it. */
export function referralActionError(error: unknown): string {
  return isStaleVersion(error) ? STALE_REFERRAL : errorMessage(error);
}
