import { definePolicy } from '../policy.js';

export const auditPolicy = definePolicy('audit', {
  read: ['admin'],
});
