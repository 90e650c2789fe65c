import type { CareTagRow, ResidentRow } from '../../db/registry-types.js';
import { dateInShanghai } from '../../platform/clock.js';
import type { Actor, AppContext } from '../../platform/context.js';
import { ageOn } from '../../platform/identifiers/age.js';
import { maskIdNumber, maskPhone } from '../../platform/pii.js';
import { formatAddress } from './places.present.js';
import type {
  Gender,
  Hukou,
  Political,
  Relation,
  ResidentStatus,
  RiskLevel,
  TagCategory,
} from './registry.vocabulary.js';
import * as repo from './residents.repository.js';
import type { ResidentView } from './residents.schemas.js';
import { canSeeTag } from './tags.service.js';

/**
 * Residents as every response shows them: numbers masked, age as of today (Shanghai), the
 * tags the caller may see, and whether the next visit is overdue.
 */
export async function presentResidents(
  ctx: AppContext,
  actor: Actor,
  rows: ResidentRow[],
  catalog: CareTagRow[],
): Promise<ResidentView[]> {
  const now = ctx.clock.now();
  const today = dateInShanghai(now);
  const houseIds = [...new Set(rows.flatMap((r) => (r.house_id === null ? [] : [r.house_id])))];
  const [names, addresses, tagIds] = await Promise.all([
    repo.regionNames(ctx.db, [...new Set(rows.map((r) => r.region_code))]),
    repo.addressesOf(ctx.db, houseIds),
    repo.activeTagIds(
      ctx.db,
      rows.map((r) => r.id),
    ),
  ]);
  const visible = new Map(catalog.filter((t) => canSeeTag(actor.role, t)).map((t) => [t.id, t]));
  return rows.map((r) => {
    const address = r.house_id === null ? undefined : addresses.get(r.house_id);
    const phone = r.phone_enc === null ? null : maskPhone(ctx.pii.decrypt(r.phone_enc));
    return {
      id: r.id,
      regionCode: r.region_code,
      regionName: names.get(r.region_code) ?? r.region_code,
      householdId: r.household_id,
      houseId: r.house_id,
      address: address ? formatAddress(address) : null,
      relation: r.relation as Relation | null,
      name: r.name,
      idNumber: maskIdNumber(ctx.pii.decrypt(r.id_number_enc)),
      phone,
      birthDate: r.birth_date,
      age: ageOn(r.birth_date, today),
      gender: r.gender as Gender,
      hukou: r.hukou as Hukou,
      status: r.status as ResidentStatus,
      political: r.political as Political | null,
      work: r.work,
      moveInDate: r.move_in_date,
      moveOutDate: r.move_out_date,
      note: r.note,
      tags: (tagIds.get(r.id) ?? []).flatMap((id) => {
        const tag = visible.get(id);
        return tag
          ? [
              {
                code: tag.code,
                name: tag.name,
                category: tag.category as TagCategory,
                riskLevel: tag.risk_level as RiskLevel,
              },
            ]
          : [];
      }),
      visitIntervalDays: r.visit_interval_days,
      lastVisitAt: r.last_visit_at,
      visitDueAt: r.visit_due_at,
      overdue: r.visit_due_at !== null && r.visit_due_at < now.toISOString(),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      deletedAt: r.deleted_at,
    };
  });
}

/** What the audit log keeps of a resident: the recorded facts, numbers masked. */
export function auditedResident(view: ResidentView) {
  const { regionName, address, age, tags, visitIntervalDays, lastVisitAt, visitDueAt, overdue, ...facts } =
    view;
  const { createdAt, updatedAt, id, ...recorded } = facts;
  return recorded;
}
