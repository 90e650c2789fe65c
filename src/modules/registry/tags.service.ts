import type { CareTagRow, ResidentTagRow } from '../../db/registry-types.js';
import { audit } from '../../platform/audit/audit.js';
import { dateInShanghai, isoNow } from '../../platform/clock.js';
import { type Actor, type AppContext, inTransaction } from '../../platform/context.js';
import { conflict, invalidField, notFound } from '../../platform/errors.js';
import { addMessages } from '../../platform/i18n.js';
import { refreshVisitDue } from '../visits/refresh-due.js';
import type { RiskLevel, TagCategory } from './registry.vocabulary.js';
import { findResidentOrFail, liveResidentOrFail } from './resident-access.js';
import * as repo from './tags.repository.js';
import type { CreateTagBody, EndTagBody, ResidentTagBody, UpdateTagBody } from './tags.schemas.js';

addMessages({
  TAG_UNKNOWN: { zh: '没有这个标签', en: 'No such tag' },
  TAG_INACTIVE: { zh: '该标签已停用', en: 'This tag is no longer in use' },
  TAG_ALREADY_ACTIVE: { zh: '该居民已有此标签', en: 'The resident already carries this tag' },
  TAG_ALREADY_ENDED: { zh: '该标签已结束', en: 'This tag has already ended' },
  TAG_CODE_TAKEN: { zh: '标签代码已存在', en: 'This tag code is taken' },
  DATE_IN_FUTURE: { zh: '日期不能晚于今天', en: 'The date cannot be after today' },
  END_BEFORE_START: { zh: '结束日期不能早于开始日期', en: 'The end cannot come before the start' },
});

const grantedRoles = (tag: CareTagRow): string[] => JSON.parse(tag.granted_roles) as string[];

/** A sensitive tag, and who carries it, is seen only by the roles it grants (PIPL art. 28). */
export const canSeeTag = (role: string, tag: CareTagRow) =>
  tag.sensitive === 0 || grantedRoles(tag).includes(role);

export const loadCatalog = (ctx: AppContext) => repo.listCatalog(ctx.db);

/** A tag by code as the caller may see it; a hidden sensitive tag is as unknown as a missing one. */
export async function visibleTagByCode(ctx: AppContext, actor: Actor, code: string, path = '/tag') {
  const tag = (await loadCatalog(ctx)).find((t) => t.code === code);
  if (!tag || !canSeeTag(actor.role, tag)) throw invalidField(path, 'TAG_UNKNOWN');
  return tag;
}

const presentTag = (t: CareTagRow, full: boolean) => ({
  id: t.id,
  code: t.code,
  name: t.name,
  category: t.category as TagCategory,
  riskLevel: t.risk_level as RiskLevel,
  visitIntervalDays: t.visit_interval_days,
  sensitive: t.sensitive === 1,
  active: t.active === 1,
  ...(full ? { grantedRoles: grantedRoles(t) } : {}),
});

/** The catalog: all of it for the admins who keep it, the visible tags for everyone else. */
export async function listTags(ctx: AppContext, actor: Actor, canManage: boolean) {
  const catalog = await loadCatalog(ctx);
  return {
    items: catalog.filter((t) => canManage || canSeeTag(actor.role, t)).map((t) => presentTag(t, canManage)),
  };
}

export async function createTag(ctx: AppContext, actor: Actor, input: CreateTagBody) {
  return inTransaction(ctx, async (tx) => {
    if ((await loadCatalog(tx)).some((t) => t.code === input.code)) throw conflict('TAG_CODE_TAKEN');
    const now = isoNow(tx.clock);
    const row = await repo.insertTag(tx.db, {
      code: input.code,
      name: input.name,
      category: input.category,
      risk_level: input.riskLevel,
      visit_interval_days: input.visitIntervalDays,
      sensitive: input.sensitive ? 1 : 0,
      granted_roles: JSON.stringify(input.sensitive ? (input.grantedRoles ?? []) : []),
      active: 1,
      sort_order: input.sortOrder ?? 100,
      created_at: now,
      updated_at: now,
    });
    const view = presentTag(row, true);
    await audit(tx, actor, {
      action: 'tag.create',
      entity: 'care_tag',
      entityId: row.id,
      regionCode: '',
      after: view,
    });
    return view;
  });
}

/**
 * Edits a catalog tag. A new interval applies from each carrier's next visit on, since due
 * dates are recomputed whenever a visit or a tag changes; it does not rewrite past dues.
 */
export async function updateTag(ctx: AppContext, actor: Actor, id: number, input: UpdateTagBody) {
  return inTransaction(ctx, async (tx) => {
    const current = await repo.findTag(tx.db, id);
    if (!current) throw notFound();
    const sensitive = input.sensitive ?? current.sensitive === 1;
    const row = await repo.updateTag(tx.db, id, {
      name: input.name ?? current.name,
      category: input.category ?? current.category,
      risk_level: input.riskLevel ?? current.risk_level,
      visit_interval_days: input.visitIntervalDays ?? current.visit_interval_days,
      sensitive: sensitive ? 1 : 0,
      granted_roles: JSON.stringify(sensitive ? (input.grantedRoles ?? grantedRoles(current)) : []),
      active: input.active === undefined ? current.active : input.active ? 1 : 0,
      sort_order: input.sortOrder ?? current.sort_order,
      updated_at: isoNow(tx.clock),
    });
    const view = presentTag(row, true);
    await audit(tx, actor, {
      action: 'tag.update',
      entity: 'care_tag',
      entityId: id,
      regionCode: '',
      before: presentTag(current, true),
      after: view,
    });
    return view;
  });
}

function presentAssignment(a: ResidentTagRow, tag: CareTagRow) {
  return {
    id: a.id,
    tag: { code: tag.code, name: tag.name, category: tag.category, riskLevel: tag.risk_level },
    startedOn: a.started_on,
    endedOn: a.ended_on,
    reason: a.reason,
    endReason: a.end_reason,
    taggedByName: a.tagged_by_name,
    endedByName: a.ended_by_name,
    createdAt: a.created_at,
  };
}

/** A resident's tags, current and past, as far as the caller may see them. */
export async function residentTags(ctx: AppContext, actor: Actor, residentId: number) {
  const resident = await findResidentOrFail(ctx, actor, residentId);
  const catalog = new Map((await loadCatalog(ctx)).map((t) => [t.id, t]));
  const rows = await repo.tagsOfResident(ctx.db, resident.id);
  return {
    items: rows.flatMap((a) => {
      const tag = catalog.get(a.tag_id);
      return tag && canSeeTag(actor.role, tag) ? [presentAssignment(a, tag)] : [];
    }),
  };
}

function checkDate(date: string, today: string, path: string) {
  if (date > today) throw invalidField(path, 'DATE_IN_FUTURE');
}

/** Tags a resident; the next visit falls due by the new tag's interval if it is stricter. */
export async function tagResident(ctx: AppContext, actor: Actor, residentId: number, input: ResidentTagBody) {
  return inTransaction(ctx, async (tx) =>
    addTag(tx, actor, await liveResidentOrFail(tx, actor, residentId), input),
  );
}

async function addTag(
  ctx: AppContext,
  actor: Actor,
  resident: { id: number; region_code: string },
  input: ResidentTagBody,
) {
  const tag = await visibleTagByCode(ctx, actor, input.tag);
  if (tag.active !== 1) throw invalidField('/tag', 'TAG_INACTIVE');
  const today = dateInShanghai(ctx.clock.now());
  const startedOn = input.startedOn ?? today;
  checkDate(startedOn, today, '/startedOn');
  const current = await repo.tagsOfResident(ctx.db, resident.id);
  if (current.some((a) => a.tag_id === tag.id && a.ended_on === null)) throw conflict('TAG_ALREADY_ACTIVE');
  const row = await repo.insertResidentTag(ctx.db, {
    region_code: resident.region_code,
    resident_id: resident.id,
    tag_id: tag.id,
    started_on: startedOn,
    reason: input.reason ?? null,
    tagged_by: actor.id,
    tagged_by_name: actor.displayName,
    created_at: isoNow(ctx.clock),
  });
  await refreshVisitDue(ctx, resident.id);
  const view = presentAssignment(row, tag);
  await audit(ctx, actor, {
    action: 'resident.tag_add',
    entity: 'resident',
    entityId: resident.id,
    regionCode: resident.region_code,
    after: { tag: tag.code, startedOn, reason: view.reason },
  });
  return view;
}

export async function endResidentTag(
  ctx: AppContext,
  actor: Actor,
  residentId: number,
  assignmentId: number,
  input: EndTagBody,
) {
  return inTransaction(ctx, async (tx) =>
    endTag(tx, actor, await liveResidentOrFail(tx, actor, residentId), assignmentId, input),
  );
}

async function endTag(
  ctx: AppContext,
  actor: Actor,
  resident: { id: number; region_code: string },
  assignmentId: number,
  input: EndTagBody,
) {
  const assignment = await repo.findResidentTag(ctx.db, resident.id, assignmentId);
  const tag = assignment && (await repo.findTag(ctx.db, assignment.tag_id));
  if (!assignment || !tag || !canSeeTag(actor.role, tag)) throw notFound();
  if (assignment.ended_on !== null) throw conflict('TAG_ALREADY_ENDED');
  const today = dateInShanghai(ctx.clock.now());
  const endedOn = input.endedOn ?? today;
  checkDate(endedOn, today, '/endedOn');
  if (endedOn < assignment.started_on) throw invalidField('/endedOn', 'END_BEFORE_START');
  const row = await repo.endResidentTag(ctx.db, assignmentId, {
    ended_on: endedOn,
    end_reason: input.reason ?? null,
    ended_by_name: actor.displayName,
  });
  await refreshVisitDue(ctx, resident.id);
  await audit(ctx, actor, {
    action: 'resident.tag_end',
    entity: 'resident',
    entityId: resident.id,
    regionCode: resident.region_code,
    before: { tag: tag.code, endedOn: null },
    after: { tag: tag.code, endedOn, reason: row.end_reason },
  });
  return presentAssignment(row, tag);
}
