import { lockKey } from '../../db/locks.js';
import { audit } from '../../platform/audit/audit.js';
import { isoNow } from '../../platform/clock.js';
import { type Actor, type AppContext, inTransaction } from '../../platform/context.js';
import { conflict, invalidField, notFound } from '../../platform/errors.js';
import { addMessages } from '../../platform/i18n.js';
import { checkMobile } from '../../platform/identifiers/checks.js';
import { parseCreditCode } from '../../platform/identifiers/credit-code.js';
import { mapPage } from '../../platform/pagination.js';
import { maskPhone } from '../../platform/pii.js';
import * as repo from './organisations.repository.js';
import type {
  CreateOrganisationBody,
  OrganisationListQuery,
  OrganisationView,
  UpdateOrganisationBody,
} from './organisations.schemas.js';
import { checkCoordinates, requireBuilding, requireRegion } from './places.service.js';
import type { OrganisationKind } from './registry.vocabulary.js';

addMessages({
  CREDIT_CODE_FORMAT: {
    zh: '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、S、V、Z）',
    en: 'A unified social credit code is 18 digits or capital letters (no I, O, S, V, Z)',
  },
  CREDIT_CODE_CHECKSUM: {
    zh: '统一社会信用代码的校验码不正确，请核对',
    en: 'The check character of the unified social credit code is wrong',
  },
  DUPLICATE_ORGANISATION: {
    zh: '已有使用该统一社会信用代码的单位',
    en: 'An organisation with this unified social credit code already exists',
  },
  BUILDING_REGION_MISMATCH: {
    zh: '所选楼栋不在该网格内',
    en: 'The building is not in this grid',
  },
});

const trimmed = <T extends string | null | undefined>(value: T) =>
  (typeof value === 'string' ? value.trim() : value) as T;
const merged = <T>(given: T | undefined, current: T): T => (given === undefined ? current : given);

/** The contact's number is shown masked everywhere, the audit log included. */
function presentOrganisation(ctx: AppContext, r: repo.OrganisationListRow): OrganisationView {
  return {
    id: r.id,
    regionCode: r.region_code,
    regionName: r.region_name,
    kind: r.kind as OrganisationKind,
    name: r.name,
    creditCode: r.credit_code,
    category: r.category,
    contactName: r.contact_name,
    contactPhone: r.contact_phone_enc === null ? null : maskPhone(ctx.pii.decrypt(r.contact_phone_enc)),
    address: r.address,
    buildingId: r.building_id,
    lat: r.lat,
    lng: r.lng,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

async function view(ctx: AppContext, actor: Actor, id: number) {
  const row = await repo.findOrganisation(ctx.db, actor.scope, id);
  if (!row) throw notFound();
  return presentOrganisation(ctx, row);
}

function creditCodeOf(raw: string | null): string | null {
  if (raw === null) return null;
  const parsed = parseCreditCode(raw);
  if ('problem' in parsed)
    throw invalidField(
      '/creditCode',
      parsed.problem === 'format' ? 'CREDIT_CODE_FORMAT' : 'CREDIT_CODE_CHECKSUM',
    );
  return parsed.creditCode;
}

/** Contact numbers are personal data: stored encrypted, like residents' phones. */
function sealedPhone(ctx: AppContext, raw: string | null): string | null {
  if (raw === null) return null;
  return ctx.pii.encrypt(checkMobile(raw, '/contactPhone'));
}

/** The rules every write checks: a grid in scope, a building in that grid, one code per entity. */
async function checkPlace(
  ctx: AppContext,
  actor: Actor,
  next: {
    regionCode: string;
    buildingId: number | null;
    creditCode: string | null;
    lat: number | null;
    lng: number | null;
  },
  exceptId?: number,
) {
  await requireRegion(ctx, actor, '/regionCode', next.regionCode);
  if (next.buildingId !== null) {
    const building = await requireBuilding(ctx, actor, next.buildingId);
    if (building.region_code !== next.regionCode)
      throw invalidField('/buildingId', 'BUILDING_REGION_MISMATCH');
  }
  checkCoordinates(next.lat, next.lng);
  if (next.creditCode !== null) {
    await lockKey(ctx.db, `credit-code:${next.creditCode}`);
    if (await repo.findByCreditCode(ctx.db, next.creditCode, exceptId))
      throw conflict('DUPLICATE_ORGANISATION');
  }
}

export async function listOrganisations(ctx: AppContext, actor: Actor, query: OrganisationListQuery) {
  const page = await repo.listOrganisations(ctx.db, actor.scope, query);
  return mapPage(
    page,
    page.items.map((r) => presentOrganisation(ctx, r)),
  );
}

export const getOrganisation = view;

export function createOrganisation(ctx: AppContext, actor: Actor, input: CreateOrganisationBody) {
  const creditCode = creditCodeOf(input.creditCode ?? null);
  const phone = sealedPhone(ctx, input.contactPhone ?? null);
  return inTransaction(ctx, async (tx) => {
    const next = {
      regionCode: input.regionCode,
      buildingId: input.buildingId ?? null,
      creditCode,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
    };
    await checkPlace(tx, actor, next);
    const now = isoNow(tx.clock);
    const { id } = await repo.insertOrganisation(tx.db, {
      region_code: next.regionCode,
      kind: input.kind,
      name: input.name.trim(),
      credit_code: creditCode,
      category: trimmed(input.category) ?? null,
      contact_name: trimmed(input.contactName) ?? null,
      contact_phone_enc: phone,
      address: trimmed(input.address) ?? null,
      building_id: next.buildingId,
      lat: next.lat,
      lng: next.lng,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    const after = await view(tx, actor, id);
    await audit(tx, actor, {
      action: 'organisation.create',
      entity: 'organisation',
      entityId: id,
      regionCode: after.regionCode,
      after,
    });
    return after;
  });
}

export function updateOrganisation(ctx: AppContext, actor: Actor, id: number, input: UpdateOrganisationBody) {
  const creditCode = input.creditCode === undefined ? undefined : creditCodeOf(input.creditCode);
  const phone = input.contactPhone === undefined ? undefined : sealedPhone(ctx, input.contactPhone);
  return inTransaction(ctx, async (tx) => {
    const before = await view(tx, actor, id);
    const next = {
      regionCode: merged(input.regionCode, before.regionCode),
      buildingId: merged(input.buildingId, before.buildingId),
      creditCode: merged(creditCode, before.creditCode),
      lat: merged(input.lat, before.lat),
      lng: merged(input.lng, before.lng),
    };
    // An unchanged code is not checked again: a duplicate found later must not block other edits.
    await checkPlace(tx, actor, { ...next, creditCode: creditCode ?? null }, id);
    await repo.updateOrganisation(tx.db, id, {
      region_code: next.regionCode,
      kind: merged(input.kind, before.kind),
      name: merged(trimmed(input.name), before.name),
      credit_code: next.creditCode,
      category: merged(trimmed(input.category), before.category),
      contact_name: merged(trimmed(input.contactName), before.contactName),
      ...(phone === undefined ? {} : { contact_phone_enc: phone }),
      address: merged(trimmed(input.address), before.address),
      building_id: next.buildingId,
      lat: next.lat,
      lng: next.lng,
      updated_at: isoNow(tx.clock),
    });
    const after = await view(tx, actor, id);
    await audit(tx, actor, {
      action: 'organisation.update',
      entity: 'organisation',
      entityId: id,
      regionCode: after.regionCode,
      before,
      after,
    });
    return after;
  });
}

export function deleteOrganisation(ctx: AppContext, actor: Actor, id: number) {
  return inTransaction(ctx, async (tx) => {
    const before = await view(tx, actor, id);
    await repo.updateOrganisation(tx.db, id, { deleted_at: isoNow(tx.clock) });
    await audit(tx, actor, {
      action: 'organisation.delete',
      entity: 'organisation',
      entityId: id,
      regionCode: before.regionCode,
      before,
    });
  });
}
