import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../lib/actor';
import { files } from './files.tables';

/**
 * A file has no audience of its own: whoever may see the record it is attached to (a claim, a
 * content asset) may read it, and that module decides who that is before asking for the file. So a
 * file is only ever read through its owner, and one record's route can never hand out another
 * record's file by its id.
 */
export function filesOf(owner: { ownerType: string; ownerId: string }) {
  return and(eq(files.ownerType, owner.ownerType), eq(files.ownerId, owner.ownerId));
}

/** Before it is attached, an upload is its uploader's organization's alone, to attach once. */
export function attachableFiles(actor: Actor) {
  return and(eq(files.organizationId, actor.orgId), isNull(files.attachedAt));
}
