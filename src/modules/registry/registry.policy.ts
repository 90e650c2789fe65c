import { definePolicy } from '../../platform/policy.js';

const KEEPERS = ['grid_worker', 'community_staff', 'community_secretary'] as const;

/**
 * The registry holds people's personal data, so reading it is for those who work with the
 * people of a place (and the levels that supervise them), not for the system administrator,
 * who keeps the catalogs. Full ID numbers are for the counter, which files applications with
 * them; a grid worker may see a full phone number to call the person.
 */
export const registryPolicy = definePolicy('registry', {
  read: [...KEEPERS, 'street_officer', 'district_officer'],
  write: KEEPERS,
  revealPhone: KEEPERS,
  revealIdNumber: ['community_staff', 'community_secretary'],
  import: ['community_staff', 'community_secretary'],
  editMap: ['grid_worker', 'community_secretary'],
  manageTags: ['admin'],
});
