import { and, eq } from 'drizzle-orm';
import { reactionKinds } from '@partnergraph/shared/community-codes';
import type { Db } from '../../db/client';
import { runChange } from '../../db/transaction';
import type { Ctx } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { getComment, loadComment } from './comments.service';
import { reactions } from './community.tables';
import { getPost, loadPost, notMember } from './posts.service';

export async function react(
  db: Db,
  ctx: Ctx,
  targetType: 'post' | 'comment',
  id: string,
  kind: string,
  on: boolean,
) {
  const actor = ctx.actor;
  if (!isReactionKind(kind)) throw notFound('reaction');
  await runChange(db, ctx, async (tx, record) => {
    const access =
      targetType === 'post'
        ? (await loadPost(tx, actor, id)).access
        : (await loadComment(tx, actor, id)).access;
    if (!access.canPost) throw notMember(access);
    const key = and(
      eq(reactions.targetType, targetType),
      eq(reactions.targetId, id),
      eq(reactions.userId, actor.userId),
      eq(reactions.kind, kind),
    );
    if (on) {
      await tx
        .insert(reactions)
        .values({ targetType, targetId: id, userId: actor.userId, kind })
        .onConflictDoNothing();
    } else {
      await tx.delete(reactions).where(key);
    }
    record.audit({
      action: on ? 'reaction.added' : 'reaction.removed',
      entityType: targetType,
      entityId: id,
      after: { kind },
    });
  });
  return targetType === 'post' ? getPost(db, ctx, id) : getComment(db, ctx, id);
}

const isReactionKind = (k: string): k is (typeof reactionKinds)[number] =>
  (reactionKinds as readonly string[]).includes(k);
