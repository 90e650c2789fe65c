import { definePolicy } from '../../platform/policy.js';

/**
 * Units file their own visits; the reviewer (省委省直机关工委) reviews them and sets the rules'
 * thresholds; counties see the visits coming to them and flag clashes. Units, and which unit a
 * reporter files for, are kept by the administrator.
 */
export const fieldVisitsPolicy = definePolicy('fieldVisits', {
  file: ['unit_reporter'],
  read: ['unit_reporter', 'visit_reviewer', 'county_viewer'],
  readUnits: ['unit_reporter', 'visit_reviewer', 'county_viewer', 'admin'],
  review: ['visit_reviewer'],
  flagClash: ['county_viewer'],
  manageUnits: ['admin'],
});
