import type { ResidentRow } from '../../db/registry-types.js';
import { audit } from '../../platform/audit/audit.js';
import { dateInShanghai, isoNow } from '../../platform/clock.js';
import { type Actor, type AppContext, inTransaction } from '../../platform/context.js';
import { AppError, conflict, forbidden, invalidField, notFound, refused } from '../../platform/errors.js';
import { addMessages } from '../../platform/i18n.js';
import { latestBirthDateFor } from '../../platform/identifiers/age.js';
import { checkIdNumber, checkMobile } from '../../platform/identifiers/checks.js';
import { mapPage } from '../../platform/pagination.js';
import { nameSearchKeys } from '../../platform/pinyin.js';
import { inScope, narrowScope } from '../../platform/scope.js';
import { refreshVisitDue } from '../visits/refresh-due.js';
import { requireRegion } from './places.service.js';
import { registryPolicy } from './registry.policy.js';
import { findResidentOrFail, liveResidentOrFail } from './resident-access.js';
import { auditedResident, presentResidents } from './residents.present.js';
import * as repo from './residents.repository.js';
import type {
  CreateResidentBody,
  MoveInBody,
  MoveOutBody,
  ResidentListQuery,
  UpdateResidentBody,
} from './residents.schemas.js';
import { loadCatalog, visibleTagByCode } from './tags.service.js';

addMessages({
  DUPLICATE_PERSON: {
    zh: '此身份证号已登记，一人只能有一条档案；如是从其他社区迁来，请办理迁入',
    en: 'This ID number is already registered; one person has one record. If they moved here, record a move-in',
  },
  BIRTH_DATE_MISMATCH: {
    zh: '出生日期与身份证号不符',
    en: 'The birth date does not match the ID number',
  },
  GENDER_MISMATCH: { zh: '性别与身份证号不符', en: 'The gender does not match the ID number' },
  PLACE_IN_OTHER_GRID: {
    zh: '所选房屋或户不在该网格内',
    en: 'The chosen house or household is not in this grid',
  },
  MOVE_REQUIRED: {
    zh: '跨社区变更请办理迁出、迁入，以保留迁移记录',
    en: 'Moving to another community is a move-out and a move-in, which keep the record of the move',
  },
  NOT_MOVED_OUT: {
    zh: '此人在其他社区仍有在住档案，需先由原社区办理迁出',
    en: 'This person is still registered as living in another community, which must record the move-out first',
  },
  PERSON_NOT_FOUND: { zh: '没有此身份证号的档案，请新建', en: 'No record with this ID number; create one' },
  ALREADY_HERE: { zh: '此人已在您的辖区内', en: 'This person is already registered in your area' },
  NOT_DELETED: { zh: '该档案未被删除', en: 'This record is not deleted' },
});

/** The searches one box can mean, told apart by the shape of what was typed. */
function searchOf(ctx: AppContext, raw: string | undefined): repo.ResidentFilter['search'] {
  const q = raw?.trim().replace(/[%_\\\s]/g, '') ?? '';
  if (q === '') return undefined;
  if (/^\d{17}[\dXx]$/.test(q)) return { by: 'idNumber', index: ctx.pii.blindIndex(q.toUpperCase()) };
  if (/^1\d{10}$/.test(q)) return { by: 'phone', index: ctx.pii.blindIndex(q) };
  if (/^\d{4}$/.test(q)) return { by: 'phoneTail', tail: q };
  if (/^[a-zA-Z]+$/.test(q)) return { by: 'pinyin', prefix: q.toLowerCase() };
  return { by: 'name', prefix: q };
}

export async function residentFilter(
  ctx: AppContext,
  actor: Actor,
  query: Omit<ResidentListQuery, 'page' | 'pageSize'>,
): Promise<repo.ResidentFilter | null> {
  const scope = narrowScope(actor.scope, query.regionCode);
  if (scope === null) return null;
  const today = dateInShanghai(ctx.clock.now());
  const tag = query.tag === undefined ? undefined : await visibleTagByCode(ctx, actor, query.tag);
  return {
    scope,
    search: searchOf(ctx, query.q),
    ...(tag ? { tagId: tag.id } : {}),
    hukou: query.hukou,
    status: query.status,
    gender: query.gender,
    ...(query.ageMin === undefined ? {} : { bornOnOrBefore: latestBirthDateFor(query.ageMin, today) }),
    ...(query.ageMax === undefined ? {} : { bornAfter: latestBirthDateFor(query.ageMax + 1, today) }),
    estateId: query.estateId,
    buildingId: query.buildingId,
    houseId: query.houseId,
    householdId: query.householdId,
    ...(query.overdue ? { dueBy: isoNow(ctx.clock) } : {}),
    deleted: query.deleted === true,
  };
}

export async function listResidents(ctx: AppContext, actor: Actor, query: ResidentListQuery) {
  const filter = await residentFilter(ctx, actor, query);
  if (filter === null) return { items: [], total: 0, page: query.page ?? 1, pageSize: query.pageSize ?? 20 };
  const page = await repo.listResidents(ctx.db, filter, query);
  return mapPage(page, await presentResidents(ctx, actor, page.items, await loadCatalog(ctx)));
}

export async function presentOne(ctx: AppContext, actor: Actor, row: ResidentRow) {
  const [view] = await presentResidents(ctx, actor, [row], await loadCatalog(ctx));
  if (!view) throw notFound();
  return view;
}

export async function getResident(ctx: AppContext, actor: Actor, id: number) {
  return presentOne(ctx, actor, await findResidentOrFail(ctx, actor, id));
}

const checkGrid = (ctx: AppContext, actor: Actor, regionCode: string) =>
  requireRegion(ctx, actor, '/regionCode', regionCode);

/** The house and household, if given, must be places of the same grid in the caller's scope. */
async function checkPlaces(
  ctx: AppContext,
  actor: Actor,
  regionCode: string,
  input: { householdId?: number | null | undefined; houseId?: number | null | undefined },
) {
  let houseId = input.houseId ?? null;
  if (input.householdId) {
    const household = await repo.householdInScope(ctx.db, actor.scope, input.householdId);
    if (!household) throw invalidField('/householdId', 'NOT_FOUND');
    if (household.region_code !== regionCode) throw invalidField('/householdId', 'PLACE_IN_OTHER_GRID');
    houseId ??= household.house_id;
  }
  if (houseId) {
    const house = await repo.houseInScope(ctx.db, actor.scope, houseId);
    if (!house) throw invalidField('/houseId', 'NOT_FOUND');
    if (house.region_code !== regionCode) throw invalidField('/houseId', 'PLACE_IN_OTHER_GRID');
  }
  return houseId;
}

/** The personal facts derived from and checked against the ID number and phone. */
function identity(
  ctx: AppContext,
  input: { idNumber: string; phone?: string | null | undefined; birthDate?: string; gender?: string },
) {
  const facts = checkIdNumber(input.idNumber, dateInShanghai(ctx.clock.now()));
  if (input.birthDate !== undefined && input.birthDate !== facts.birthDate)
    throw invalidField('/birthDate', 'BIRTH_DATE_MISMATCH');
  if (input.gender !== undefined && input.gender !== facts.gender)
    throw invalidField('/gender', 'GENDER_MISMATCH');
  const phone = input.phone ? checkMobile(input.phone) : null;
  return {
    facts,
    columns: {
      id_number_enc: ctx.pii.encrypt(facts.idNumber),
      id_number_index: ctx.pii.blindIndex(facts.idNumber),
      birth_date: facts.birthDate,
      gender: facts.gender,
      ...phoneColumns(ctx, phone),
    },
  };
}

function phoneColumns(ctx: AppContext, phone: string | null) {
  return {
    phone_enc: phone === null ? null : ctx.pii.encrypt(phone),
    phone_index: phone === null ? null : ctx.pii.blindIndex(phone),
    phone_tail: phone === null ? null : phone.slice(-4),
  };
}

function nameColumns(name: string) {
  const keys = nameSearchKeys(name);
  return { name, name_pinyin: keys.full, name_initials: keys.initials };
}

/**
 * The duplicate answer says where the record is only to someone who may see it: to anyone
 * else it does not reveal in which community the person lives.
 */
async function refuseDuplicate(ctx: AppContext, actor: Actor, index: string, exceptId?: number) {
  const existing = await repo.findByIdNumberIndex(ctx.db, index);
  if (!existing || existing.id === exceptId) return;
  const visible = inScope(actor.scope, existing.region_code);
  throw new AppError(
    409,
    'DUPLICATE_PERSON',
    {},
    visible ? [{ path: '/idNumber', message: 'DUPLICATE_PERSON', residentId: existing.id }] : undefined,
  );
}

export async function createResident(ctx: AppContext, actor: Actor, input: CreateResidentBody) {
  const { columns } = identity(ctx, input);
  return inTransaction(ctx, async (tx) => {
    await checkGrid(tx, actor, input.regionCode);
    const houseId = await checkPlaces(tx, actor, input.regionCode, input);
    await refuseDuplicate(tx, actor, columns.id_number_index);
    const now = isoNow(tx.clock);
    const row = await repo.insertResident(tx.db, {
      region_code: input.regionCode,
      household_id: input.householdId ?? null,
      house_id: houseId,
      relation: input.relation ?? null,
      ...nameColumns(input.name.trim()),
      ...columns,
      hukou: input.hukou,
      status: input.status ?? 'resident',
      political: input.political ?? null,
      work: input.work ?? null,
      move_in_date: input.moveInDate ?? null,
      move_out_date: input.moveOutDate ?? null,
      note: input.note ?? null,
      created_at: now,
      updated_at: now,
    });
    const view = await presentOne(tx, actor, row);
    await audit(tx, actor, {
      action: 'resident.create',
      entity: 'resident',
      entityId: row.id,
      regionCode: row.region_code,
      after: auditedResident(view),
    });
    return view;
  });
}

export async function updateResident(ctx: AppContext, actor: Actor, id: number, input: UpdateResidentBody) {
  return inTransaction(ctx, async (tx) => {
    const current = await liveResidentOrFail(tx, actor, id);
    const regionCode = input.regionCode ?? current.region_code;
    if (regionCode !== current.region_code) {
      if (regionCode.slice(0, 12) !== current.region_code.slice(0, 12)) throw refused('MOVE_REQUIRED');
      await checkGrid(tx, actor, regionCode);
    }
    const places = {
      householdId: input.householdId === undefined ? current.household_id : input.householdId,
      houseId: input.houseId === undefined ? current.house_id : input.houseId,
    };
    const houseId = await checkPlaces(tx, actor, regionCode, places);
    const idNumber = input.idNumber ?? tx.pii.decrypt(current.id_number_enc);
    const phone =
      input.phone === undefined ? current.phone_enc && tx.pii.decrypt(current.phone_enc) : input.phone;
    const { columns } = identity(tx, {
      idNumber,
      phone,
      ...(input.birthDate === undefined ? {} : { birthDate: input.birthDate }),
      ...(input.gender === undefined ? {} : { gender: input.gender }),
    });
    await refuseDuplicate(tx, actor, columns.id_number_index, id);
    const before = auditedResident(await presentOne(tx, actor, current));
    const pick = <K extends keyof UpdateResidentBody, V>(key: K, fallback: V) =>
      input[key] === undefined ? fallback : input[key];
    const row = await repo.updateResident(tx.db, id, {
      region_code: regionCode,
      household_id: places.householdId,
      house_id: houseId,
      relation: pick('relation', current.relation),
      ...nameColumns((input.name ?? current.name).trim()),
      // Re-encrypting unchanged numbers is harmless; keeping the stored ciphertext is tidier.
      ...(input.idNumber === undefined
        ? {}
        : { id_number_enc: columns.id_number_enc, id_number_index: columns.id_number_index }),
      ...(input.phone === undefined ? {} : phoneColumns(tx, input.phone ? checkMobile(input.phone) : null)),
      birth_date: columns.birth_date,
      gender: columns.gender,
      hukou: input.hukou ?? current.hukou,
      status: input.status ?? current.status,
      political: pick('political', current.political),
      work: pick('work', current.work),
      move_in_date: pick('moveInDate', current.move_in_date),
      move_out_date: pick('moveOutDate', current.move_out_date),
      note: pick('note', current.note),
      updated_at: isoNow(tx.clock),
    });
    if (regionCode !== current.region_code) await moveDependents(tx, id, regionCode);
    if (columns.birth_date !== current.birth_date) await refreshVisitDue(tx, id);
    const view = await presentOne(tx, actor, await findResidentOrFail(tx, actor, row.id));
    await audit(tx, actor, {
      action: 'resident.update',
      entity: 'resident',
      entityId: id,
      regionCode,
      before,
      after: auditedResident(view),
    });
    return view;
  });
}

/** Tags and visits carry the resident's region for scope; they follow the person. */
async function moveDependents(ctx: AppContext, residentId: number, regionCode: string) {
  for (const table of ['resident_tags', 'visits'] as const)
    await ctx.db
      .updateTable(table)
      .set({ region_code: regionCode })
      .where('resident_id', '=', residentId)
      .execute();
}

async function setDeleted(ctx: AppContext, actor: Actor, id: number, deleted: boolean) {
  return inTransaction(ctx, async (tx) => {
    const current = await findResidentOrFail(tx, actor, id);
    if ((current.deleted_at !== null) === deleted) throw deleted ? notFound() : conflict('NOT_DELETED');
    const before = auditedResident(await presentOne(tx, actor, current));
    const now = isoNow(tx.clock);
    const row = await repo.updateResident(tx.db, id, { deleted_at: deleted ? now : null, updated_at: now });
    const view = await presentOne(tx, actor, row);
    await audit(tx, actor, {
      action: deleted ? 'resident.delete' : 'resident.restore',
      entity: 'resident',
      entityId: id,
      regionCode: row.region_code,
      before,
      after: auditedResident(view),
    });
    return view;
  });
}

/** A soft delete: the record leaves every list, stays in history, and can be restored. */
export const deleteResident = (ctx: AppContext, actor: Actor, id: number) => setDeleted(ctx, actor, id, true);
export const restoreResident = (ctx: AppContext, actor: Actor, id: number) =>
  setDeleted(ctx, actor, id, false);

/** Shows one number in full, to the roles allowed it, and records that it was shown. */
export async function revealResident(ctx: AppContext, actor: Actor, id: number, field: 'idNumber' | 'phone') {
  const action = field === 'idNumber' ? 'revealIdNumber' : 'revealPhone';
  if (!registryPolicy.allows(actor.role, action)) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    const row = await liveResidentOrFail(tx, actor, id);
    const sealed = field === 'idNumber' ? row.id_number_enc : row.phone_enc;
    await audit(tx, actor, {
      action: 'resident.reveal',
      entity: 'resident',
      entityId: id,
      regionCode: row.region_code,
      after: { field },
    });
    return { field, value: sealed === null ? null : tx.pii.decrypt(sealed) };
  });
}

/** 迁出: the person leaves this community; the record stays, marked as left, with the move. */
export async function moveOut(ctx: AppContext, actor: Actor, id: number, input: MoveOutBody) {
  return inTransaction(ctx, async (tx) => {
    const current = await liveResidentOrFail(tx, actor, id);
    const before = auditedResident(await presentOne(tx, actor, current));
    const row = await repo.updateResident(tx.db, id, {
      status: 'left',
      move_out_date: input.date,
      updated_at: isoNow(tx.clock),
    });
    await repo.insertMove(tx.db, {
      resident_id: id,
      kind: 'out',
      from_region: current.region_code,
      to_region: null,
      date: input.date,
      note: [input.destination, input.note].filter(Boolean).join('；') || null,
      actor_id: actor.id,
      actor_name: actor.displayName,
      at: isoNow(tx.clock),
    });
    const view = await presentOne(tx, actor, row);
    await audit(tx, actor, {
      action: 'resident.move_out',
      entity: 'resident',
      entityId: id,
      regionCode: row.region_code,
      before,
      after: auditedResident(view),
    });
    return view;
  });
}

/**
 * 迁入: a person who moved out of another community is taken into one of the caller's grids.
 * The same record moves, with its history, tags and visits; the old community no longer sees it.
 */
export async function moveIn(ctx: AppContext, actor: Actor, input: MoveInBody) {
  const facts = checkIdNumber(input.idNumber, dateInShanghai(ctx.clock.now()));
  return inTransaction(ctx, async (tx) => {
    await checkGrid(tx, actor, input.regionCode);
    const houseId = await checkPlaces(tx, actor, input.regionCode, input);
    const existing = await repo.findByIdNumberIndex(tx.db, tx.pii.blindIndex(facts.idNumber));
    if (!existing || existing.deleted_at !== null) throw refused('PERSON_NOT_FOUND');
    if (inScope(actor.scope, existing.region_code)) throw refused('ALREADY_HERE');
    if (existing.status !== 'left') throw refused('NOT_MOVED_OUT');
    const now = isoNow(tx.clock);
    const row = await repo.updateResident(tx.db, existing.id, {
      region_code: input.regionCode,
      household_id: input.householdId ?? null,
      house_id: houseId,
      status: 'resident',
      hukou: input.hukou ?? existing.hukou,
      move_in_date: input.date,
      move_out_date: null,
      updated_at: now,
    });
    await moveDependents(tx, existing.id, input.regionCode);
    await repo.insertMove(tx.db, {
      resident_id: existing.id,
      kind: 'in',
      from_region: existing.region_code,
      to_region: input.regionCode,
      date: input.date,
      note: input.note ?? null,
      actor_id: actor.id,
      actor_name: actor.displayName,
      at: now,
    });
    const view = await presentOne(tx, actor, row);
    await audit(tx, actor, {
      action: 'resident.move_in',
      entity: 'resident',
      entityId: existing.id,
      regionCode: input.regionCode,
      before: { regionCode: existing.region_code, status: existing.status },
      after: auditedResident(view),
    });
    return view;
  });
}
