import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase, rowCount, type TestClient, ZAOLINXI } from '../../test/harness.js';
import { createResident, peopleFactory } from '../../test/people.js';

const GRID1 = `${ZAOLINXI}001`;
const GRID2 = `${ZAOLINXI}002`;

describeEachDatabase('residents', (env) => {
  const people = peopleFactory(11);
  let secretary: TestClient;
  let staff: TestClient;
  let grid: TestClient;

  beforeAll(async () => {
    [secretary, staff, grid] = await Promise.all([
      env().login('secretary'),
      env().login('staff'),
      env().login('grid'),
    ]);
  });

  describe('registering a person', () => {
    it('derives birth date and gender from the ID number and masks both numbers on read', async () => {
      const idNumber = people.idNumber('1943-03-15', 'female');
      const response = await grid.post('/api/residents', {
        name: '潘秀兰',
        idNumber: idNumber.replace('X', 'x'),
        phone: '13912345678',
        regionCode: GRID1,
        hukou: 'local',
      });
      expect(response.statusCode).toBe(201);
      const body = response.json();
      expect(body).toMatchObject({
        name: '潘秀兰',
        birthDate: '1943-03-15',
        gender: 'female',
        status: 'resident',
        idNumber: `620105********${idNumber.slice(-4)}`,
        phone: '139****5678',
        regionCode: GRID1,
      });
      expect(response.body).not.toContain(idNumber);
      expect(response.body).not.toContain('13912345678');

      const row = await env()
        .ctx.db.selectFrom('residents')
        .selectAll()
        .where('id', '=', body.id)
        .executeTakeFirstOrThrow();
      expect(JSON.stringify(row)).not.toContain(idNumber);
      expect(JSON.stringify(row)).not.toContain('13912345678');
      const audit = await env()
        .ctx.db.selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'resident.create')
        .where('entity_id', '=', String(body.id))
        .executeTakeFirstOrThrow();
      expect(audit.after).toContain('139****5678');
      expect(audit.after).not.toContain(idNumber);
    });

    it.each([
      ['a wrong check character', (id: string) => `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`],
      ['an impossible date', () => '620105200302290023'],
      ['a birth date after today', () => '620105203012310026'],
      ['too few digits', (id: string) => id.slice(0, 15)],
    ])('refuses an ID number with %s, naming the field, and writes nothing', async (_case, corrupt) => {
      const before = await rowCount(env(), 'residents');
      const response = await grid.post('/api/residents', {
        name: '测试',
        idNumber: corrupt(people.idNumber('1980-01-01')),
        regionCode: GRID1,
        hukou: 'local',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ path: '/idNumber' }],
      });
      expect(await rowCount(env(), 'residents')).toBe(before);
    });

    it('refuses a bad phone, a birth date or gender that disagree with the number, and a non-grid region', async () => {
      const base = {
        name: '测试',
        idNumber: people.idNumber('1980-01-01', 'male'),
        regionCode: GRID1,
        hukou: 'local',
      };
      const cases: [Record<string, unknown>, string][] = [
        [{ phone: '2391234567' }, '/phone'],
        [{ birthDate: '1980-01-02' }, '/birthDate'],
        [{ gender: 'female' }, '/gender'],
        [{ regionCode: `${ZAOLINXI}999` }, '/regionCode'],
        [{ regionCode: `${ZAOLINXI.slice(0, 9)}001001` }, '/regionCode'],
      ];
      for (const [change, path] of cases) {
        const response = await secretary.post('/api/residents', { ...base, ...change });
        expect(response.statusCode, JSON.stringify(change)).toBe(400);
        expect(response.json().error.details[0].path).toBe(path);
        expect(response.body).not.toContain(base.idNumber);
      }
    });

    it('keeps one record per person: a second record with the same number is refused', async () => {
      const idNumber = people.idNumber('1975-06-01', 'male');
      const first = await secretary.post('/api/residents', {
        name: '张三',
        idNumber,
        regionCode: GRID2,
        hukou: 'local',
      });
      expect(first.statusCode).toBe(201);
      const again = await secretary.post('/api/residents', {
        name: '张三',
        idNumber,
        regionCode: GRID2,
        hukou: 'local',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().error).toMatchObject({
        code: 'DUPLICATE_PERSON',
        details: [{ residentId: first.json().id }],
      });
      // The grid worker of another grid learns the person exists, not where.
      const elsewhere = await grid.post('/api/residents', {
        name: '张三',
        idNumber,
        regionCode: GRID1,
        hukou: 'local',
      });
      expect(elsewhere.statusCode).toBe(409);
      expect(elsewhere.json().error.details).toBeUndefined();
    });
  });

  describe('searching', () => {
    let wang: number;
    let phoneOfWang: string;

    beforeAll(async () => {
      phoneOfWang = people.phone();
      wang = await createResident(secretary, people, {
        name: '王小明',
        regionCode: GRID1,
        birthDate: '1946-11-27',
        gender: 'male',
        phone: phoneOfWang,
      });
      await createResident(secretary, people, { name: '王晓梅', regionCode: GRID1, birthDate: '1990-02-02' });
      await createResident(secretary, people, { name: '吴小敏', regionCode: GRID2, birthDate: '1970-01-01' });
    });

    const search = async (client: TestClient, query: string) => {
      const response = await client.get(`/api/residents?${query}`);
      expect(response.statusCode).toBe(200);
      return response.json() as { items: { id: number; name: string }[]; total: number };
    };

    it('finds by name, full pinyin, initials, phone, phone tail and exact ID number', async () => {
      expect((await search(grid, `q=${encodeURIComponent('王小')}`)).items.map((r) => r.name)).toEqual([
        '王小明',
      ]);
      expect((await search(grid, 'q=wxm')).items.map((r) => r.name)).toEqual(['王小明', '王晓梅']);
      expect((await search(grid, 'q=WangXiao')).items.map((r) => r.name).sort()).toEqual([
        '王小明',
        '王晓梅',
      ]);
      expect((await search(grid, `q=${phoneOfWang}`)).items.map((r) => r.id)).toEqual([wang]);
      expect((await search(grid, `q=${phoneOfWang.slice(-4)}`)).items.map((r) => r.id)).toEqual([wang]);
      const reveal = await staff.post(`/api/residents/${wang}/reveal`, { field: 'idNumber' });
      const idNumber: string = reveal.json().value;
      expect((await search(grid, `q=${idNumber}`)).items.map((r) => r.id)).toEqual([wang]);
    });

    it('filters by age on the Shanghai calendar: 80 from the 80th birthday on', async () => {
      // The test clock runs on today's date; the fixture is built around it.
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(env().clock.now());
      const [y, md] = [Number(today.slice(0, 4)), today.slice(5)];
      const turns80Today = await createResident(secretary, people, {
        name: '赵八十',
        regionCode: GRID1,
        birthDate: md === '02-29' ? `${y - 80}-02-28` : `${y - 80}-${md}`,
      });
      const tomorrow = new Date(`${today}T00:00:00Z`);
      tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
      const turns80Tomorrow = await createResident(secretary, people, {
        name: '赵七九',
        regionCode: GRID1,
        birthDate: `${y - 80}${tomorrow.toISOString().slice(4, 10)}`,
      });
      const eighty = (await search(secretary, 'ageMin=80&pageSize=200')).items.map((r) => r.id);
      expect(eighty).toContain(turns80Today);
      expect(eighty).not.toContain(turns80Tomorrow);
      const upTo79 = (await search(secretary, 'ageMax=79&pageSize=200')).items.map((r) => r.id);
      expect(upTo79).toContain(turns80Tomorrow);
      expect(upTo79).not.toContain(turns80Today);
    });

    it('never shows a grid worker the residents of another grid', async () => {
      const other = (await search(secretary, 'q=wxm')).items.find((r) => r.name === '吴小敏');
      expect(other).toBeDefined();
      expect((await search(grid, 'q=wxm')).items.map((r) => r.name)).not.toContain('吴小敏');
      expect((await search(grid, `regionCode=${GRID2}`)).total).toBe(0);
      const reveal = await staff.post(`/api/residents/${other?.id}/reveal`, { field: 'idNumber' });
      expect((await search(grid, `q=${reveal.json().value}`)).total).toBe(0);
      for (const url of [`/api/residents/${other?.id}`, `/api/residents/${other?.id}/history`]) {
        const response = await grid.get(url);
        expect(response.statusCode).toBe(404);
        expect(response.json().error.code).toBe('NOT_FOUND');
      }
      expect((await grid.patch(`/api/residents/${other?.id}`, { note: 'x' })).statusCode).toBe(404);
      expect((await grid.post(`/api/residents/${other?.id}/reveal`, { field: 'phone' })).statusCode).toBe(
        404,
      );
    });
  });

  describe('revealing a number', () => {
    it('shows the full number to the roles allowed it and audits every reveal', async () => {
      const phone = people.phone();
      const id = await createResident(secretary, people, { name: '李四', regionCode: GRID1, phone });
      const street = await env().login('street');
      const auditsBefore = await rowCount(env(), 'audit_log');

      const byStaff = await staff.post(`/api/residents/${id}/reveal`, { field: 'idNumber' });
      expect(byStaff.statusCode).toBe(200);
      expect(byStaff.json().value).toMatch(/^620105\d{11}[\dX]$/);
      expect((await grid.post(`/api/residents/${id}/reveal`, { field: 'phone' })).json().value).toBe(phone);
      expect((await grid.post(`/api/residents/${id}/reveal`, { field: 'idNumber' })).statusCode).toBe(403);
      expect((await street.post(`/api/residents/${id}/reveal`, { field: 'phone' })).statusCode).toBe(403);

      const reveals = await env()
        .ctx.db.selectFrom('audit_log')
        .select(['actor_name', 'after'])
        .where('action', '=', 'resident.reveal')
        .where('entity_id', '=', String(id))
        .orderBy('id')
        .execute();
      expect(reveals).toEqual([
        { actor_name: 'staff', after: JSON.stringify({ field: 'idNumber' }) },
        { actor_name: 'grid', after: JSON.stringify({ field: 'phone' }) },
      ]);
      expect(await rowCount(env(), 'audit_log')).toBe(auditsBefore + 2);
    });
  });

  describe('sensitive tags', () => {
    it('are seen, filtered by and recorded only by the roles granted them', async () => {
      const id = await createResident(secretary, people, {
        name: '周矫正',
        regionCode: GRID1,
        birthDate: '1985-03-03',
      });
      expect(
        (await grid.post(`/api/residents/${id}/tags`, { tag: 'community_correction', reason: '判决' }))
          .statusCode,
      ).toBe(201);
      expect((await grid.post(`/api/residents/${id}/tags`, { tag: 'dibao' })).statusCode).toBe(201);

      const seenBy = async (client: TestClient) => ({
        tags: (await client.get(`/api/residents/${id}`))
          .json()
          .tags.map((t: { code: string }) => t.code)
          .sort(),
        catalog: (await client.get('/api/tags')).json().items.map((t: { code: string }) => t.code),
        history: JSON.stringify((await client.get(`/api/residents/${id}/history`)).json()),
        filter: (await client.get('/api/residents?tag=community_correction')).statusCode,
        assignments: (await client.get(`/api/residents/${id}/tags`)).json().items.length,
      });
      const granted = await seenBy(grid);
      expect(granted.tags).toEqual(['community_correction', 'dibao']);
      expect(granted.catalog).toContain('community_correction');
      expect(granted.history).toContain('community_correction');
      expect(granted.filter).toBe(200);
      expect(granted.assignments).toBe(2);

      const notGranted = await seenBy(staff);
      expect(notGranted.tags).toEqual(['dibao']);
      expect(notGranted.catalog).not.toContain('community_correction');
      expect(notGranted.history).not.toContain('community_correction');
      expect(notGranted.filter).toBe(400);
      expect(notGranted.assignments).toBe(1);
      expect((await staff.post(`/api/residents/${id}/tags`, { tag: 'drug_user' })).statusCode).toBe(400);
    });
  });

  describe('changing, deleting and moving', () => {
    it('keeps who changed what and when as the record history, numbers masked', async () => {
      const id = await createResident(secretary, people, {
        name: '孙五',
        regionCode: GRID1,
        phone: people.phone(),
      });
      const newPhone = people.phone();
      const patched = await grid.patch(`/api/residents/${id}`, { phone: newPhone, status: 'temporary' });
      expect(patched.statusCode).toBe(200);
      expect(patched.json()).toMatchObject({
        status: 'temporary',
        phone: `${newPhone.slice(0, 3)}****${newPhone.slice(-4)}`,
      });
      const history = (await secretary.get(`/api/residents/${id}/history`)).json().items;
      expect(history[0]).toMatchObject({ actorName: '王彤', action: 'resident.update' });
      expect(history[0].changes.map((c: { field: string }) => c.field).sort()).toEqual(['phone', 'status']);
      expect(JSON.stringify(history)).not.toContain(newPhone);
      expect(history.at(-1)).toMatchObject({ actorName: '黄丽娟', action: 'resident.create' });
    });

    it('deletes softly and restores', async () => {
      const id = await createResident(secretary, people, { name: '钱六', regionCode: GRID1 });
      expect((await grid.request({ method: 'DELETE', url: `/api/residents/${id}` })).statusCode).toBe(200);
      expect((await grid.get('/api/residents?q=qianliu')).json().total).toBe(0);
      expect((await grid.get('/api/residents?q=qianliu&deleted=true')).json().total).toBe(1);
      expect((await grid.post(`/api/residents/${id}/restore`)).statusCode).toBe(200);
      expect((await grid.get('/api/residents?q=qianliu')).json().total).toBe(1);
    });

    it('moves a person between communities as 迁出 and 迁入, keeping the history', async () => {
      const idNumber = people.idNumber('1950-08-08', 'male');
      const created = await secretary.post('/api/residents', {
        name: '迁移人',
        idNumber,
        regionCode: GRID1,
        hukou: 'local',
      });
      const id: number = created.json().id;
      const admin = await env().login('admin');
      const opened = await admin.post('/api/users', {
        username: 'nlstaff',
        displayName: '农林二 工作人员',
        role: 'community_staff',
        scope: '130402006014',
        password: 'Xy!23456789',
      });
      expect(opened.statusCode).toBe(201);
      const other = await env().login('nlstaff', 'Xy!23456789');
      await other.post('/api/auth/password', {
        currentPassword: 'Xy!23456789',
        newPassword: 'Zz!98765432',
      });
      const moved = await env().login('nlstaff', 'Zz!98765432');
      const moveIn = { idNumber, regionCode: '130402006014001', date: '2026-10-01' };

      const early = await moved.post('/api/residents/move-in', moveIn);
      expect(early.statusCode).toBe(422);
      expect(early.json().error.code).toBe('NOT_MOVED_OUT');

      expect((await secretary.post(`/api/residents/${id}/move-out`, { date: '2026-09-30' })).statusCode).toBe(
        200,
      );
      const taken = await moved.post('/api/residents/move-in', moveIn);
      expect(taken.statusCode).toBe(200);
      expect(taken.json()).toMatchObject({ id, regionCode: '130402006014001', status: 'resident' });
      expect((await secretary.get(`/api/residents/${id}`)).statusCode).toBe(404);
      const history = (await moved.get(`/api/residents/${id}/history`))
        .json()
        .items.map((h: { action: string }) => h.action);
      expect(history).toEqual(['resident.move_in', 'resident.move_out', 'resident.create']);
    });
  });
});
