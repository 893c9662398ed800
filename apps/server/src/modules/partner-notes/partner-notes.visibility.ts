import { isVendor, type Actor } from '../../lib/actor';

/**
 * Notes and tasks about a partner are the vendor's working memory (product.md: the vendor sees every
 * partner; a partner sees its own records, not what the vendor writes about it). The route permissions
 * admit vendor roles only; this holds every read to it should a partner's actor ever reach one.
 */
export const mayReadPartnerNotes = (actor: Actor) => isVendor(actor);

/** A note is changed or deleted by the one who wrote it, or by the vendor's admin. */
export function mayChangeNote(actor: Actor, note: { authorId: string | null }) {
  return isVendor(actor) && (actor.role === 'admin' || note.authorId === actor.userId);
}
