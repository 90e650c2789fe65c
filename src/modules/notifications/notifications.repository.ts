import type { Kysely } from 'kysely';
import { insertInSlices } from '../../db/bulk.js';
import type { DB } from '../../db/types.js';

export const insertNotifications = (
  db: Kysely<DB>,
  rows: { user_id: number; kind: string; params: string; link: string | null; created_at: string }[],
) => insertInSlices(rows, (slice) => db.insertInto('notifications').values(slice).execute());

export const notificationsOf = (db: Kysely<DB>, userId: number, limit: number) =>
  db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();

export async function unreadCount(db: Kysely<DB>, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const markRead = (db: Kysely<DB>, userId: number, at: string, id?: number) => {
  let q = db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (id !== undefined) q = q.where('id', '=', id);
  return q.executeTakeFirst();
};
