import { lockKey } from '../../db/locks.js';
import { audit } from '../../platform/audit/audit.js';
import { isoNow } from '../../platform/clock.js';
import { type Actor, type AppContext, inTransaction } from '../../platform/context.js';
import { conflict, invalidField, notFound } from '../../platform/errors.js';
import { addMessages } from '../../platform/i18n.js';
import * as repo from './fieldvisits.repository.js';
import type { AssignReporterBody, CreateUnitBody, ReporterView, UnitView } from './fieldvisits.schemas.js';

addMessages({
  FV_UNIT_EXISTS: { zh: '已有同名的报备单位', en: 'A unit of that name exists already' },
  FV_PREFECTURE_REGION: {
    zh: '州（市）单位须选择其所在的州（市）',
    en: 'A prefecture unit needs its prefecture',
  },
  FV_DEPARTMENT_TWICE: { zh: '内设机构名称重复', en: 'A department is named twice' },
  FV_NOT_REPORTER: { zh: '该账号不是报备员', en: 'That account is not a reporter' },
});

/** 新增报备单位 (admin): a provincial unit or a prefecture, with its departments. Audited. */
export function createUnit(ctx: AppContext, actor: Actor, input: CreateUnitBody): Promise<UnitView> {
  return inTransaction(ctx, async (tx) => {
    const name = input.name.trim();
    if (input.kind === 'prefecture') {
      const region = input.regionCode
        ? await tx.db
            .selectFrom('regions')
            .select('level')
            .where('code', '=', input.regionCode)
            .executeTakeFirst()
        : undefined;
      if (region?.level !== 'city') throw invalidField('/regionCode', 'FV_PREFECTURE_REGION');
    }
    const departments = (input.departments ?? []).map((d) => d.trim());
    if (new Set(departments).size !== departments.length)
      throw invalidField('/departments', 'FV_DEPARTMENT_TWICE');
    await lockKey(tx.db, `fv-unit-name:${name}`);
    if (await tx.db.selectFrom('fv_units').select('id').where('name', '=', name).executeTakeFirst())
      throw conflict('FV_UNIT_EXISTS');
    const now = isoNow(tx.clock);
    const { id } = await tx.db
      .insertInto('fv_units')
      .values({
        name,
        kind: input.kind,
        region_code: input.kind === 'prefecture' ? (input.regionCode ?? null) : null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (departments.length > 0)
      await tx.db
        .insertInto('fv_departments')
        .values(departments.map((d) => ({ unit_id: id, name: d, created_at: now })))
        .execute();
    const view = (await listUnits(tx)).find((u) => u.id === Number(id)) as UnitView;
    await audit(tx, actor, {
      action: 'field_visit_unit.create',
      entity: 'field_visit_unit',
      entityId: view.id,
      regionCode: view.regionCode ?? '53',
      after: view,
    });
    return view;
  });
}

/** The filing units with their departments (for the filing form and the admin). */
export async function listUnits(ctx: AppContext): Promise<UnitView[]> {
  const { units, departments } = await repo.listUnits(ctx.db);
  return units.map((u) => ({
    id: u.id,
    name: u.name,
    kind: u.kind as UnitView['kind'],
    regionCode: u.region_code,
    departments: departments.filter((d) => d.unit_id === u.id).map((d) => ({ id: d.id, name: d.name })),
  }));
}

/** 报备员: the reporter accounts and the unit each files for (admin). */
export async function listReporters(ctx: AppContext): Promise<ReporterView[]> {
  const rows = await repo.reporters(ctx.db);
  return rows.map((r) => ({
    userId: Number(r.user_id),
    username: r.username,
    displayName: r.display_name,
    unitId: r.unit_id === null ? null : Number(r.unit_id),
    unitName: r.unit_name,
    departmentId: r.department_id === null ? null : Number(r.department_id),
    departmentName: r.department_name,
  }));
}

/** Sets the unit (and department) a reporter files for; the filings already made stay the unit's. */
export function assignReporter(
  ctx: AppContext,
  actor: Actor,
  userId: number,
  input: AssignReporterBody,
): Promise<ReporterView> {
  return inTransaction(ctx, async (tx) => {
    const user = await tx.db
      .selectFrom('users')
      .select(['id', 'role'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user) throw notFound();
    if (user.role !== 'unit_reporter') throw invalidField('/userId', 'FV_NOT_REPORTER');
    const unit = await repo.findUnit(tx.db, input.unitId);
    if (!unit) throw invalidField('/unitId', 'FV_UNIT_UNKNOWN');
    if (input.departmentId !== undefined && !(await repo.findDepartment(tx.db, unit.id, input.departmentId)))
      throw invalidField('/departmentId', 'FV_DEPARTMENT_UNKNOWN');
    const before = await repo.reporterUnit(tx.db, userId);
    const row = { unit_id: unit.id, department_id: input.departmentId ?? null };
    if (before) await tx.db.updateTable('fv_reporters').set(row).where('user_id', '=', userId).execute();
    else
      await tx.db
        .insertInto('fv_reporters')
        .values({ user_id: userId, ...row })
        .execute();
    await audit(tx, actor, {
      action: 'field_visit_reporter.assign',
      entity: 'user',
      entityId: userId,
      regionCode: unit.region_code ?? '53',
      before: before ? { unitId: before.unit_id, departmentId: before.department_id } : null,
      after: { unitId: unit.id, departmentId: row.department_id },
    });
    return (await listReporters(tx)).find((r) => r.userId === userId) as ReporterView;
  });
}

/** The unit the caller files for (null for other roles, or a reporter not yet assigned). */
export async function myUnit(ctx: AppContext, actor: Actor) {
  const reporter = actor.id === null ? undefined : await repo.reporterUnit(ctx.db, actor.id);
  if (!reporter) return { unit: null };
  const view = (await listUnits(ctx)).find((u) => u.id === Number(reporter.unit_id));
  return {
    unit: view
      ? { ...view, departmentId: reporter.department_id === null ? null : Number(reporter.department_id) }
      : null,
  };
}
