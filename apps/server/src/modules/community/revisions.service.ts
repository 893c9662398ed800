import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { qualified } from '../../db/qualified';
import type { Ctx } from '../../lib/actor';
import { loadComment } from './comments.service';
import { contentRevisions } from './community.tables';
import { loadPost } from './posts.service';

export async function listRevisions(db: Db, ctx: Ctx, targetType: 'post' | 'comment', id: string) {
  if (targetType === 'post') await loadPost(db, ctx.actor, id);
  else await loadComment(db, ctx.actor, id);
  const rows = await db
    .select({
      r: contentRevisions,
      editorName: sql<
        string | null
      >`(select u.name from users u where u.id = ${qualified(contentRevisions.editedByUserId)})`,
    })
    .from(contentRevisions)
    .where(and(eq(contentRevisions.targetType, targetType), eq(contentRevisions.targetId, id)))
    .orderBy(sql`${contentRevisions.createdAt} desc`, sql`${contentRevisions.id} desc`);
  return {
    items: rows.map(({ r, editorName }) => ({
      id: r.id,
      title: r.title,
      body: r.body,
      editedBy: r.editedByUserId && editorName ? { id: r.editedByUserId, name: editorName } : null,
      at: r.createdAt.toISOString(),
    })),
  };
}
