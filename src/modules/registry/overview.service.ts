import { dateInShanghai, startOfMonth, startOfShanghaiDay } from '../../platform/clock.js';
import type { Actor, AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { narrowScope } from '../../platform/scope.js';
import { CODE_LENGTHS } from '../regions/regions.levels.js';
import { findRegions } from '../regions/regions.repository.js';
import * as repo from './overview.repository.js';
import { canSeeTag, loadCatalog } from './tags.service.js';

/**
 * The figures of a region (a community, typically) for its overview page: people, households,
 * buildings, cared-for residents by tag, visits this month, and per child region (the grids of
 * a community) residents, households, cared-for and overdue. Sensitive tags the caller may not
 * see are left out of the by-tag figures.
 */
export async function regionOverview(ctx: AppContext, actor: Actor, regionCode: string | undefined) {
  const prefix = narrowScope(actor.scope, regionCode);
  if (prefix === null || prefix === '') throw notFound();
  const [region] = await findRegions(ctx.db, [prefix]);
  if (!region) throw notFound();
  const now = ctx.clock.now();
  const childLength = CODE_LENGTHS.find((n) => n > prefix.length) ?? prefix.length;
  const monthStart = startOfShanghaiDay(startOfMonth(dateInShanghai(now)));
  const [figures, byTag, buildings, visitsThisMonth, catalog] = await Promise.all([
    repo.figuresByChild(ctx.db, prefix, childLength, now.toISOString()),
    repo.residentsByTag(ctx.db, prefix),
    repo.countBuildings(ctx.db, prefix),
    repo.countVisitsSince(ctx.db, prefix, monthStart),
    loadCatalog(ctx),
  ]);
  const households = new Map(figures.households.map((h) => [h.code, Number(h.households)]));
  const codes = [...new Set([...figures.residents.map((r) => r.code), ...households.keys()])];
  const names = new Map((await findRegions(ctx.db, codes)).map((r) => [r.code, r.name]));
  const children = codes
    .map((code) => {
      const r = figures.residents.find((f) => f.code === code);
      return {
        code,
        name: names.get(code) ?? code,
        residents: Number(r?.residents ?? 0),
        households: households.get(code) ?? 0,
        caredFor: Number(r?.caredFor ?? 0),
        overdue: Number(r?.overdue ?? 0),
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  const sum = (key: 'residents' | 'households' | 'caredFor' | 'overdue') =>
    children.reduce((total, c) => total + c[key], 0);
  return {
    region: { code: region.code, name: region.name, level: region.level },
    residents: sum('residents'),
    households: sum('households'),
    buildings,
    caredFor: sum('caredFor'),
    overdue: sum('overdue'),
    visitsThisMonth,
    // In catalog order, so the page lists them as the catalog does.
    byTag: catalog.flatMap((tag) => {
      const row = byTag.find((b) => b.tag_id === tag.id);
      return row && canSeeTag(actor.role, tag)
        ? [{ code: tag.code, name: tag.name, riskLevel: tag.risk_level, count: Number(row.count) }]
        : [];
    }),
    children,
  };
}
