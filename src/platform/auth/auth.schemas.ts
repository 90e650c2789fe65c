import { type Static, Type } from 'typebox';

export const UserSchema = Type.Object(
  {
    id: Type.Integer(),
    username: Type.String(),
    displayName: Type.String(),
    role: Type.String(),
    scope: Type.String(),
    scopeName: Type.String(),
    mustChangePassword: Type.Boolean(),
    disabled: Type.Boolean(),
    lockedUntil: Type.Union([Type.String(), Type.Null()]),
    lastLoginAt: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String(),
    permissions: Type.Array(Type.String()),
  },
  { $id: 'User' },
);

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 128 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const SessionResponse = Type.Object({ user: Type.Ref('User'), csrfToken: Type.String() });

export const PasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 128 }),
    newPassword: Type.String({ minLength: 1, maxLength: 128 }),
  },
  { additionalProperties: false },
);
