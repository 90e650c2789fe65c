import type { BuildingKind, HouseUse, OrganisationKind } from '../../api/places';
import type { MessageKey } from '../../i18n';

/** The places' vocabularies (server: registry.vocabulary.ts), typed so a new code needs a name. */
export const BUILDING_KIND_KEYS: Record<BuildingKind, MessageKey> = {
  residential: 'registry.buildingKind.residential',
  commercial: 'registry.buildingKind.commercial',
  mixed: 'registry.buildingKind.mixed',
};

export const HOUSE_USE_KEYS: Record<HouseUse, MessageKey> = {
  residential: 'registry.houseUse.residential',
  commercial: 'registry.houseUse.commercial',
  office: 'registry.houseUse.office',
  other: 'registry.houseUse.other',
};

export const ORGANISATION_KIND_KEYS: Record<OrganisationKind, MessageKey> = {
  organisation: 'registry.organisationKind.organisation',
  shop: 'registry.organisationKind.shop',
};
