import type { Queryable } from '../../db/client';
import { newId } from '../../lib/ids';
import { notifications } from './notifications.tables';

// A notice as the demo and tests write it, with its own date and read state, and no rules or e-mail:
// a record, not a change (the seed's factories call it; the product writes notices through
// notifications.service.ts).

export async function insertNotificationRecord(
  q: Queryable,
  input: { userId: string; kind?: string; title?: string; link?: string; createdAt?: Date; read?: boolean },
) {
  const at = input.createdAt ?? new Date();
  const [row] = await q
    .insert(notifications)
    .values({
      id: newId(),
      userId: input.userId,
      kind: input.kind ?? 'mention',
      title: input.title ?? 'Someone mentioned you',
      link: input.link ?? '/community/spaces',
      createdAt: at,
      readAt: input.read ? at : null,
    })
    .returning();
  return row!;
}
