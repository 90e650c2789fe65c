import { definePolicy } from '../../platform/policy.js';

/** Visits follow the registry: those who read a resident read the visits, the keepers record them. */
export const visitsPolicy = definePolicy('visits', {
  read: ['grid_worker', 'community_staff', 'community_secretary', 'street_officer', 'district_officer'],
  record: ['grid_worker', 'community_staff', 'community_secretary'],
});
