import { definePolicy } from '../../platform/policy.js';
import { ROLES } from '../../platform/roles.js';

export const regionsPolicy = definePolicy('regions', {
  // Every account browses the tree of its own scope; residents have no use for it.
  read: ROLES.filter((r) => r !== 'resident'),
  createGrid: ['admin', 'community_secretary'],
});
