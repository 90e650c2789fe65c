import { expect, it } from 'vitest';
import { describeEachDatabase, ZAOLINXI } from '../../test/harness.js';

describeEachDatabase(
  'registry overview',
  (env) => {
    const count = async (table: 'residents' | 'households', prefix: string) => {
      const row = await env()
        .ctx.db.selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('region_code', 'like', `${prefix}%`)
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };

    it("gives a community's figures, and each grid's, as the registry holds them", async () => {
      const secretary = await env().login('secretary');
      const response = await secretary.get(`/api/registry/overview?regionCode=${ZAOLINXI}`);
      expect(response.statusCode).toBe(200);
      const overview = response.json();
      expect(overview.region).toMatchObject({ code: ZAOLINXI, level: 'community' });
      expect(overview.residents).toBe(await count('residents', ZAOLINXI));
      expect(overview.households).toBe(await count('households', ZAOLINXI));
      expect(overview.children.map((c: { code: string }) => c.code)).toEqual(
        Array.from({ length: 8 }, (_, i) => `${ZAOLINXI}00${i + 1}`),
      );
      for (const grid of overview.children) expect(grid.residents).toBe(await count('residents', grid.code));
      const summary = (await secretary.get('/api/visits/summary')).json();
      expect(overview.overdue).toBe(summary.overdue);
      expect(overview.caredFor).toBe(summary.caredFor);
      expect(overview.visitsThisMonth).toBe(summary.visitsThisMonth);
      expect(overview.byTag.map((t: { code: string }) => t.code)).toContain('living_alone');
    });

    it('keeps sensitive tags out of the figures of roles without the grant, and a grid worker to their grid', async () => {
      const staff = (await (await env().login('staff')).get('/api/registry/overview')).json();
      const secretary = (await (await env().login('secretary')).get('/api/registry/overview')).json();
      const special = (o: { byTag: { code: string }[] }) =>
        o.byTag.filter((t) =>
          ['community_correction', 'released_prisoner', 'severe_mental_disorder'].includes(t.code),
        );
      expect(special(secretary).length).toBeGreaterThan(0);
      expect(special(staff)).toEqual([]);

      const grid = (
        await (await env().login('grid')).get(`/api/registry/overview?regionCode=${ZAOLINXI}`)
      ).json();
      expect(grid.region.code).toBe(`${ZAOLINXI}001`);
      expect(grid.residents).toBe(await count('residents', `${ZAOLINXI}001`));
      expect(
        (await (await env().login('grid')).get('/api/registry/overview?regionCode=130402006014')).statusCode,
      ).toBe(404);
    });
  },
  { registry: true },
);
