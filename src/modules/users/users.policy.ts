import { definePolicy } from '../../platform/policy.js';

export const usersPolicy = definePolicy('users', {
  manage: ['admin'],
});
