// Places for the registry's tests (estates, buildings, houses, households, people in them),
// made through the API where the API is what is tested, straight into the tables otherwise.
import { expect } from 'vitest';
import type { DB } from '../db/types.js';
import { rowCount, type TestClient, type TestEnv, ZAOLINXI } from './harness.js';

export const GRID1 = `${ZAOLINXI}001`;
export const GRID2 = `${ZAOLINXI}002`;

export const del = (client: TestClient, url: string) => client.request({ method: 'DELETE', url });

export async function auditOf(env: TestEnv, entity: string, id: number) {
  const rows = await env.ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', String(id))
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    ...r,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
  }));
}

/** Row counts of the tables a refused request must leave alone. */
export async function counts(env: TestEnv) {
  const tables: (keyof DB)[] = ['estates', 'buildings', 'houses', 'households', 'audit_log'];
  return Promise.all(tables.map((t) => rowCount(env, t)));
}

let residentSeq = 0;
/**
 * A resident written straight into the table: this suite tests the places, not the resident API
 * (which has its own), and needs people with known birth dates, numbers and states.
 */
export async function addResident(
  env: TestEnv,
  fields: {
    regionCode: string;
    householdId?: number | null;
    houseId?: number | null;
    name: string;
    birthDate: string;
    gender?: 'male' | 'female';
    relation?: string | null;
    status?: string;
    deleted?: boolean;
  },
): Promise<number> {
  const { pii, clock } = env.ctx;
  const idNumber = `62010519460101${String(++residentSeq).padStart(4, '0')}`;
  const phone = `1391234${String(residentSeq).padStart(4, '0')}`;
  const now = clock.now().toISOString();
  const row = await env.ctx.db
    .insertInto('residents')
    .values({
      region_code: fields.regionCode,
      household_id: fields.householdId ?? null,
      house_id: fields.houseId ?? null,
      relation: fields.relation ?? null,
      name: fields.name,
      name_pinyin: 'test',
      name_initials: 't',
      id_number_enc: pii.encrypt(idNumber),
      id_number_index: pii.blindIndex(idNumber),
      phone_enc: pii.encrypt(phone),
      phone_index: pii.blindIndex(phone),
      phone_tail: phone.slice(-4),
      birth_date: fields.birthDate,
      gender: fields.gender ?? 'female',
      hukou: 'local',
      status: fields.status ?? 'resident',
      political: null,
      work: null,
      move_in_date: null,
      move_out_date: null,
      note: null,
      visit_interval_days: null,
      last_visit_at: null,
      visit_due_at: null,
      created_at: now,
      updated_at: now,
      deleted_at: fields.deleted ? now : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Places made through the API by a client that may (201 expected). */
export async function estate(client: TestClient, name: string, regionCode = ZAOLINXI): Promise<number> {
  const response = await client.post('/api/estates', { regionCode, name });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

export async function building(
  client: TestClient,
  fields: { regionCode: string; number: string; estateId?: number },
): Promise<number> {
  const response = await client.post('/api/buildings', { kind: 'residential', ...fields });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

export async function house(
  client: TestClient,
  fields: { buildingId: number; room: string; unit?: string | null; floor?: number },
): Promise<number> {
  const response = await client.post('/api/houses', { use: 'residential', ...fields });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}
