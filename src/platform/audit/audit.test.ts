import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { AuditRow } from '../../db/types.js';
import {
  DEMO_PASSWORD,
  describeEachDatabase,
  userIdOf as idOf,
  rowCount,
  type TestClient,
  type TestEnv,
  ZAOLINXI,
} from '../../test/harness.js';

const lastId = async (env: TestEnv) =>
  Number(
    (
      await env.ctx.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirst()
    )?.id ?? 0,
  );

/** Runs `action` and returns the audit records it wrote. */
async function recorded(env: TestEnv, action: () => Promise<unknown>): Promise<AuditRow[]> {
  const before = await lastId(env);
  await action();
  return env.ctx.db.selectFrom('audit_log').selectAll().where('id', '>', before).orderBy('id').execute();
}

const parse = (json: string | null) => (json === null ? null : JSON.parse(json));

const SECRETS = [DEMO_PASSWORD, '$argon2', 'password_hash', 'passwordHash'];

async function readXlsx(payload: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    rows.push(
      (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))),
    );
  });
  return { sheet, rows };
}

/** Inserts a record directly, at a chosen instant (the API always writes "now"). */
async function insertAt(env: TestEnv, at: string, action: string, regionCode = ZAOLINXI) {
  await env.ctx.db
    .insertInto('audit_log')
    .values({
      at,
      actor_id: null,
      actor_name: 'fixture',
      role: 'system',
      action,
      entity: 'fixture',
      entity_id: at,
      region_code: regionCode,
      ip: 'local',
      before: null,
      after: null,
    })
    .execute();
  const row = await env.ctx.db
    .selectFrom('audit_log')
    .select('id')
    .where('action', '=', action)
    .where('entity_id', '=', at)
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

describeEachDatabase(
  'audit log',
  (env) => {
    let admin: TestClient;
    const secrets = [...SECRETS];

    beforeAll(async () => {
      admin = await env().login('admin');
      admin.ip = '192.0.2.10';
    });

    it('records a login and a logout, one record each, with actor, role, region and IP', async () => {
      const client = env().anonymous();
      client.ip = '192.0.2.21';
      const login = await recorded(env(), () => client.login('secretary'));
      expect(login).toHaveLength(1);
      expect(login[0]).toMatchObject({
        actor_id: await idOf(env(), 'secretary'),
        actor_name: 'secretary',
        role: 'community_secretary',
        action: 'auth.login',
        entity: 'user',
        entity_id: String(await idOf(env(), 'secretary')),
        region_code: ZAOLINXI,
        ip: '192.0.2.21',
        before: null,
        after: null,
      });
      const logout = await recorded(env(), () => client.post('/api/auth/logout'));
      expect(logout).toHaveLength(1);
      expect(logout[0]).toMatchObject({
        actor_name: 'secretary',
        action: 'auth.logout',
        region_code: ZAOLINXI,
        ip: '192.0.2.21',
      });
      // A failed login of an existing account is kept as evidence of guessing, without the password.
      const failed = await recorded(env(), () => client.login('secretary', 'Wrong-Pass-1'));
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({
        actor_id: null,
        actor_name: 'anonymous',
        action: 'auth.login_failed',
        entity_id: String(await idOf(env(), 'secretary')),
        region_code: ZAOLINXI,
        ip: '192.0.2.21',
      });
      expect(JSON.stringify(failed)).not.toContain('Wrong-Pass-1');
      // An unknown username is not kept: it may be a password typed into the wrong field.
      expect(await recorded(env(), () => client.login('Secret-Typed-Here', 'x'))).toHaveLength(0);
    });

    it('records creating and renaming a grid, with before and after', async () => {
      const secretary = await env().login('secretary');
      secretary.ip = '192.0.2.22';
      let code = '';
      const created = await recorded(env(), async () => {
        const r = await secretary.post('/api/regions', { parentCode: ZAOLINXI, name: '审计网格' });
        expect(r.statusCode).toBe(201);
        code = r.json().code;
      });
      expect(created).toHaveLength(1);
      expect(created[0]).toMatchObject({
        actor_name: 'secretary',
        role: 'community_secretary',
        action: 'region.create',
        entity: 'region',
        entity_id: code,
        region_code: code,
        ip: '192.0.2.22',
        before: null,
      });
      expect(parse(created[0]?.after ?? null)).toEqual({ name: '审计网格' });
      const renamed = await recorded(env(), () =>
        secretary.patch(`/api/regions/${code}`, { name: '审计网格（新）' }),
      );
      expect(renamed).toHaveLength(1);
      expect(renamed[0]).toMatchObject({ action: 'region.update', entity_id: code, region_code: code });
      expect(parse(renamed[0]?.before ?? null)).toEqual({ name: '审计网格' });
      expect(parse(renamed[0]?.after ?? null)).toEqual({ name: '审计网格（新）' });
      // Refused changes leave no record.
      expect(
        await recorded(env(), () =>
          secretary.post('/api/regions', { parentCode: ZAOLINXI, name: '审计网格（新）' }),
        ),
      ).toHaveLength(0);
      expect(
        await recorded(env(), () => secretary.post('/api/regions', { parentCode: '620105002', name: 'x' })),
      ).toHaveLength(0);
    });

    it('records creating, updating, unlocking and resetting a user, never with a password', async () => {
      let id = 0;
      let temporary = '';
      const created = await recorded(env(), async () => {
        const r = await admin.post('/api/users', {
          username: 'audited',
          displayName: '审计对象',
          role: 'grid_worker',
          scope: ZAOLINXI,
        });
        expect(r.statusCode).toBe(201);
        id = r.json().user.id;
        temporary = r.json().temporaryPassword;
      });
      secrets.push(temporary);
      expect(created).toHaveLength(1);
      expect(created[0]).toMatchObject({
        actor_name: 'admin',
        role: 'admin',
        action: 'user.create',
        entity: 'user',
        entity_id: String(id),
        region_code: ZAOLINXI,
        ip: '192.0.2.10',
      });
      expect(parse(created[0]?.after ?? null)).toEqual({
        username: 'audited',
        displayName: '审计对象',
        role: 'grid_worker',
        scope: ZAOLINXI,
        disabled: false,
        mustChangePassword: true,
      });

      const updated = await recorded(env(), () =>
        admin.patch(`/api/users/${id}`, { role: 'community_staff', displayName: '改名' }),
      );
      expect(updated).toHaveLength(1);
      expect(updated[0]).toMatchObject({
        action: 'user.update',
        entity_id: String(id),
        region_code: ZAOLINXI,
      });
      expect(parse(updated[0]?.before ?? null)).toMatchObject({
        role: 'grid_worker',
        displayName: '审计对象',
      });
      expect(parse(updated[0]?.after ?? null)).toMatchObject({
        role: 'community_staff',
        displayName: '改名',
      });

      const unlocked = await recorded(env(), () => admin.post(`/api/users/${id}/unlock`));
      expect(unlocked).toHaveLength(1);
      expect(unlocked[0]).toMatchObject({
        action: 'user.unlock',
        entity_id: String(id),
        actor_name: 'admin',
      });

      let reset = '';
      const resetRows = await recorded(env(), async () => {
        const r = await admin.post(`/api/users/${id}/reset-password`, {});
        reset = r.json().temporaryPassword;
      });
      secrets.push(reset);
      expect(resetRows).toHaveLength(1);
      expect(resetRows[0]).toMatchObject({
        action: 'user.reset_password',
        entity_id: String(id),
        region_code: ZAOLINXI,
      });

      const given = await recorded(env(), () =>
        admin.post(`/api/users/${id}/reset-password`, { password: 'Admin-Given-77' }),
      );
      secrets.push('Admin-Given-77');
      expect(given).toHaveLength(1);

      const user = await env().login('audited', 'Admin-Given-77');
      user.ip = '192.0.2.23';
      const changed = await recorded(env(), () =>
        user.post('/api/auth/password', { currentPassword: 'Admin-Given-77', newPassword: 'User-Chosen-88' }),
      );
      secrets.push('User-Chosen-88');
      expect(changed).toHaveLength(1);
      expect(changed[0]).toMatchObject({
        actor_id: id,
        actor_name: 'audited',
        role: 'community_staff',
        action: 'user.change_password',
        entity_id: String(id),
        ip: '192.0.2.23',
      });
    });

    it('records a lockout once, by the system, with the IP of the attempts', async () => {
      const client = env().anonymous();
      client.ip = '192.0.2.24';
      const actions = async (work: () => Promise<unknown>) =>
        (await recorded(env(), work)).map((r) => r.action);
      for (let i = 0; i < 4; i++)
        expect(await actions(() => client.login('party', 'Wrong-Pass-1'))).toEqual(['auth.login_failed']);
      const fifth = await recorded(env(), () => client.login('party', 'Wrong-Pass-1'));
      expect(fifth.map((r) => r.action).sort()).toEqual(['auth.login_failed', 'user.lock']);
      const lock = fifth.filter((r) => r.action === 'user.lock');
      expect(lock[0]).toMatchObject({
        actor_id: null,
        actor_name: 'system',
        role: 'system',
        action: 'user.lock',
        entity: 'user',
        entity_id: String(await idOf(env(), 'party')),
        region_code: '350103009014',
        ip: '192.0.2.24',
      });
      // While locked, even the right password changes nothing and records nothing more.
      expect(await recorded(env(), () => client.login('party'))).toHaveLength(0);
    });

    it('never holds a password, a temporary password or a hash', async () => {
      const rows = await env().ctx.db.selectFrom('audit_log').selectAll().execute();
      expect(rows.length).toBeGreaterThan(10);
      const text = JSON.stringify(rows);
      for (const secret of secrets) expect(text, secret).not.toContain(secret);
    });

    it('filters by actor, entity, action and region, and pages without overlap', async () => {
      const byActor = (await admin.get('/api/audit?actor=secretary&pageSize=200')).json();
      expect(byActor.total).toBeGreaterThanOrEqual(4);
      for (const r of byActor.items) expect(r.actorName).toBe('secretary');

      const byAction = (await admin.get('/api/audit?action=region.create')).json();
      expect(byAction.total).toBe(1);
      expect(byAction.items[0]).toMatchObject({
        action: 'region.create',
        entity: 'region',
        actorName: 'secretary',
      });

      const byEntity = (await admin.get('/api/audit?entity=region&pageSize=200')).json();
      expect(byEntity.items.map((r: { action: string }) => r.action).sort()).toEqual([
        'region.create',
        'region.update',
      ]);

      const byRegion = (await admin.get('/api/audit?regionCode=350103&pageSize=200')).json();
      expect(byRegion.items.length).toBeGreaterThan(0);
      for (const r of byRegion.items) expect(r.regionCode.startsWith('350103')).toBe(true);

      const combined = (await admin.get('/api/audit?actor=admin&action=user.update')).json();
      expect(combined.total).toBe(1);
      expect(combined.items[0].before.role).toBe('grid_worker');

      const { total } = (await admin.get('/api/audit')).json();
      const seen: number[] = [];
      for (let page = 1; page <= Math.ceil(total / 3); page++) {
        const body = (await admin.get(`/api/audit?pageSize=3&page=${page}`)).json();
        expect(body).toMatchObject({ total, page, pageSize: 3 });
        seen.push(...body.items.map((r: { id: number }) => r.id));
      }
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
      // Newest first.
      expect([...seen].sort((a, b) => b - a)).toEqual(seen);
      const beyond = (await admin.get(`/api/audit?pageSize=3&page=${Math.ceil(total / 3) + 1}`)).json();
      expect(beyond.items).toEqual([]);
      expect(beyond.total).toBe(total);
    });

    it('filters by Shanghai calendar dates, both ends inclusive', async () => {
      // 2025-03-01 23:59:59.999 and 2025-03-02 00:00 in Shanghai; 2025-03-02 23:59:59.999; 2025-03-03 00:00.
      const a = await insertAt(env(), '2025-03-01T15:59:59.999Z', 'fixture.date');
      const b = await insertAt(env(), '2025-03-01T16:00:00.000Z', 'fixture.date');
      const c = await insertAt(env(), '2025-03-02T15:59:59.999Z', 'fixture.date');
      const d = await insertAt(env(), '2025-03-02T16:00:00.000Z', 'fixture.date');
      const ids = async (query: string) =>
        (await admin.get(`/api/audit?action=fixture.date&${query}`))
          .json()
          .items.map((r: { id: number }) => r.id)
          .sort();
      expect(await ids('from=2025-03-02&to=2025-03-02')).toEqual([b, c]);
      expect(await ids('to=2025-03-01')).toEqual([a]);
      expect(await ids('from=2025-03-03')).toEqual([d]);
      expect(await ids('from=2025-03-01&to=2025-03-03')).toEqual([a, b, c, d]);
      expect(await ids('from=2025-03-03&to=2025-03-02')).toEqual([]);
    });

    it('exports the filtered rows as a real .xlsx with a header row, and audits the export', async () => {
      const filter = 'entity=user&actor=admin';
      const listed = (await admin.get(`/api/audit?${filter}&pageSize=200`)).json();
      let response: Awaited<ReturnType<TestClient['get']>> | undefined;
      const exportRows = await recorded(env(), async () => {
        response = await admin.get(`/api/audit/export.xlsx?${filter}`);
      });
      if (!response) throw new Error('no response');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(String(response.headers['content-disposition'])).toMatch(/^attachment; .*\.xlsx/);
      expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
      const { rows, sheet } = await readXlsx(response.rawPayload);
      expect(sheet.name).toBe('审计日志');
      expect(rows[0]).toEqual([
        '时间（北京时间）',
        '操作人',
        '角色',
        '动作',
        '对象',
        '对象ID',
        '区域',
        'IP',
        '变更前',
        '变更后',
      ]);
      const body = rows.slice(1);
      expect(body).toHaveLength(listed.total);
      expect(body.map((r) => r[3])).toEqual(listed.items.map((r: { action: string }) => r.action));
      for (const row of body) {
        expect(row[1]).toBe('admin');
        expect(row[4]).toBe('user');
        expect(row[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      }
      // The export itself is recorded, with its filter; it is not an entity=user row so it is not in the file.
      expect(exportRows).toHaveLength(1);
      expect(exportRows[0]).toMatchObject({
        action: 'audit.export',
        entity: 'audit',
        actor_name: 'admin',
        ip: '192.0.2.10',
      });
      expect(parse(exportRows[0]?.after ?? null)).toEqual({ entity: 'user', actor: 'admin' });
    });

    it('shows Beijing time in the export and English headers on request', async () => {
      await insertAt(env(), '2025-06-30T16:30:00.000Z', 'fixture.time');
      const response = await admin.get('/api/audit/export.xlsx?action=fixture.time', {
        'accept-language': 'en',
      });
      const { rows, sheet } = await readXlsx(response.rawPayload);
      expect(sheet.name).toBe('Audit log');
      expect(rows[0]?.[0]).toBe('Time (Beijing)');
      expect(rows).toHaveLength(2);
      expect(rows[1]?.[0]).toBe('2025-07-01 00:30:00');
    });

    it('exports a header row alone when nothing matches', async () => {
      const response = await admin.get('/api/audit/export.xlsx?action=no.such.action');
      expect(response.statusCode).toBe(200);
      const { rows } = await readXlsx(response.rawPayload);
      expect(rows).toHaveLength(1);
    });

    it('has no route to change or delete audit records', async () => {
      const id = await lastId(env());
      for (const method of ['DELETE', 'PUT', 'PATCH'] as const) {
        for (const url of ['/api/audit', `/api/audit/${id}`, '/api/audit/export.xlsx']) {
          const response = await admin.request({ method, url, payload: {} });
          expect(response.statusCode, `${method} ${url}`).toBe(404);
          expect(response.json().error.code).toBe('NOT_FOUND');
        }
      }
      expect((await admin.post('/api/audit', {})).statusCode).toBe(404);
      expect(await lastId(env())).toBe(id);
    });

    it('is append-only in the database: UPDATE fails, young records cannot be deleted, old ones can', async () => {
      const { db } = env().ctx;
      const id = await lastId(env());
      const count = () => rowCount(env(), 'audit_log');
      const before = await count();
      await expect(
        db.updateTable('audit_log').set({ action: 'tampered' }).where('id', '=', id).execute(),
      ).rejects.toThrow(/append-only/);
      await expect(sql`update audit_log set actor_name = 'nobody'`.execute(db)).rejects.toThrow();
      await expect(db.deleteFrom('audit_log').where('id', '=', id).execute()).rejects.toThrow(/180 days/);
      await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow();

      // The database's own clock decides, not the application's.
      const day = 86_400_000;
      const old = await insertAt(env(), new Date(Date.now() - 181 * day).toISOString(), 'fixture.old', '');
      const young = await insertAt(
        env(),
        new Date(Date.now() - 179 * day).toISOString(),
        'fixture.young',
        '',
      );
      await expect(db.deleteFrom('audit_log').where('id', '=', young).execute()).rejects.toThrow(/180 days/);
      const deleted = await db.deleteFrom('audit_log').where('id', '=', old).executeTakeFirst();
      expect(Number(deleted.numDeletedRows)).toBe(1);
      expect(await count()).toBe(before + 1);
      const row = await db
        .selectFrom('audit_log')
        .select('action')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.action).not.toBe('tampered');
    });
  },
  { config: { loginRateLimit: { maxAttempts: 1000, windowMinutes: 5 } } },
);
