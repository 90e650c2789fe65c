import type { FieldVisitRow } from '../../db/fieldvisit-types.js';
import type { Actor, AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import * as repo from './fieldvisits.repository.js';

/**
 * What a reader may see: a reporter their unit's visits, a county the visits coming to it
 * (cancelled ones are not coming), the reviewer everything in their scope. Null: nothing.
 */
export async function readerFilter(ctx: AppContext, actor: Actor): Promise<repo.VisitFilter | null> {
  if (actor.role === 'unit_reporter') {
    const reporter = actor.id === null ? undefined : await repo.reporterUnit(ctx.db, actor.id);
    return reporter ? { unitId: Number(reporter.unit_id) } : null;
  }
  if (actor.role === 'county_viewer') return { countyPrefix: actor.scope, liveOnly: true };
  return actor.scope ? { countyPrefix: actor.scope } : {};
}

/** A visit the reader may see, or 404 (nothing outside one's scope is revealed). */
export async function visibleVisit(ctx: AppContext, actor: Actor, id: number): Promise<FieldVisitRow> {
  const scope = await readerFilter(ctx, actor);
  if (scope === null) throw notFound();
  const visit = await repo.findVisit(ctx.db, id);
  if (!visit) throw notFound();
  if (scope.unitId !== undefined && Number(visit.unit_id) !== scope.unitId) throw notFound();
  if (scope.countyPrefix) {
    const counties = await repo.visitCounties(ctx.db, id);
    const seen = counties.some(
      (c) => c.county_code.startsWith(scope.countyPrefix as string) && (c.live === 1 || !scope.liveOnly),
    );
    if (!seen) throw notFound();
  }
  return visit;
}
