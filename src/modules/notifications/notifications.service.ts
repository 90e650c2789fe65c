import { isoNow } from '../../platform/clock.js';
import { type Actor, type AppContext, inTransaction } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { type Lang, message } from '../../platform/i18n.js';
import * as repo from './notifications.repository.js';

/** In-app notifications: a kind (an i18n code) with parameters, rendered in the reader's language. */
export async function notify(
  ctx: AppContext,
  items: { userId: number; kind: string; params: Record<string, string | number>; link?: string }[],
) {
  const now = isoNow(ctx.clock);
  // A district's morning reminders are thousands of rows: all of them, or none.
  await inTransaction(ctx, (tx) =>
    repo.insertNotifications(
      tx.db,
      items.map((n) => ({
        user_id: n.userId,
        kind: n.kind,
        params: JSON.stringify(n.params),
        link: n.link ?? null,
        created_at: now,
      })),
    ),
  );
}

export async function listNotifications(ctx: AppContext, actor: Actor, lang: Lang) {
  if (actor.id === null) return { items: [], unread: 0 };
  const [rows, unread] = await Promise.all([
    repo.notificationsOf(ctx.db, actor.id, 50),
    repo.unreadCount(ctx.db, actor.id),
  ]);
  return {
    unread,
    items: rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      message: message(n.kind, lang, JSON.parse(n.params) as Record<string, string | number>),
      link: n.link,
      createdAt: n.created_at,
      readAt: n.read_at,
    })),
  };
}

/** Marks one notification (or, without an id, all) of the reader as read. */
export async function markNotificationsRead(ctx: AppContext, actor: Actor, id?: number) {
  if (actor.id === null) throw notFound();
  const result = await repo.markRead(ctx.db, actor.id, isoNow(ctx.clock), id);
  if (id !== undefined && Number(result.numUpdatedRows) === 0) {
    const mine = (await repo.notificationsOf(ctx.db, actor.id, 1000)).some((n) => n.id === id);
    if (!mine) throw notFound();
  }
  return { unread: await repo.unreadCount(ctx.db, actor.id) };
}
