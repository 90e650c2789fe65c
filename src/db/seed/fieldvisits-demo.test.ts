import { expect, it } from 'vitest';
import { dateInShanghai } from '../../platform/clock.js';
import { describeEachDatabase } from '../../test/harness.js';
import { DEMO_BUSY_COUNTY, DEMO_BUSY_COUNTY_LOAD } from './fieldvisits-demo.visits.js';

describeEachDatabase(
  "the demo's research visits",
  (env) => {
    it('files five months of visits through the rules: 楚雄市 near the line, two counties over it', async () => {
      const reviewer = await env().login('reviewer');
      const month = dateInShanghai(env().clock.now()).slice(0, 7);
      const load = (await reviewer.get(`/api/field-visits/load?month=${month}`)).json();
      const of = (code: string) => load.items.find((c: { countyCode: string }) => c.countyCode === code);
      expect(of(DEMO_BUSY_COUNTY)).toMatchObject({ count: DEMO_BUSY_COUNTY_LOAD, level: 'green' });
      expect(of('530102').level).toBe('yellow');
      expect(of('530111').level).toBe('yellow');
      // Over the line, each filing from the 31st on carries its explanation.
      const over = (
        await reviewer.get(`/api/field-visits?countyCode=530102&month=${month}&pageSize=100`)
      ).json();
      const yellow = over.items.filter((v: { warnings: { code: string }[] }) =>
        v.warnings.some((w) => w.code === 'COUNTY_MONTH_LOAD'),
      );
      expect(yellow.length).toBeGreaterThan(0);
      for (const v of yellow) expect(v.explanation).toBeTruthy();
    });

    it('gives the reviewer a queue of flagged filings, the unit a join request, the results list its overdue', async () => {
      const reviewer = await env().login('reviewer');
      const queue = (await reviewer.get('/api/field-visits?status=pending_review&pageSize=100')).json();
      expect(queue.total).toBeGreaterThan(0);
      for (const v of queue.items) expect(v.warnings.length + v.clashes.length).toBeGreaterThan(0);
      const filed = (await reviewer.get('/api/field-visits?status=filed&pageSize=100')).json();
      for (const v of filed.items) expect(v.warnings).toEqual([]);
      const clashed = queue.items.filter((v: { clashes: unknown[] }) => v.clashes.length > 0);
      expect(clashed).toHaveLength(1);

      const reporter = await env().login('reporter');
      expect((await reporter.get('/api/field-visits/join-requests')).json().incoming).toEqual([
        expect.objectContaining({ unitName: '省卫生健康委', status: 'pending' }),
      ]);
      const overdue = (await reviewer.get('/api/field-visits/results/overdue')).json();
      expect(overdue.total).toBeGreaterThan(0);
      expect(overdue.items.every((v: { resultOverdue: boolean }) => v.resultOverdue)).toBe(true);
    });
  },
  { fieldVisits: true },
);
