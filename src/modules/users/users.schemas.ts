import { type Static, Type } from 'typebox';
import { ROLES, type Role } from '../../platform/roles.js';
import { Id, PageQuery, pageOf, Scope, StringEnum, Text } from '../../platform/schemas.js';

const RoleSchema = StringEnum<Role>(ROLES);
const Username = Type.String({ minLength: 3, maxLength: 32, pattern: '^[a-zA-Z0-9_.-]+$' });
const Password = Type.String({ minLength: 1, maxLength: 128 });

export const UserListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50 })),
  role: Type.Optional(RoleSchema),
  scope: Type.Optional(Scope),
  ...PageQuery,
});
export type UserListQuery = Static<typeof UserListQuery>;

export const UserPage = pageOf(Type.Ref('User'));

export const UserParams = Type.Object({ id: Id });

export const CreateUserBody = Type.Object(
  {
    username: Username,
    displayName: Text(40),
    role: RoleSchema,
    scope: Scope,
    password: Type.Optional(Password),
  },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;

export const CreateUserResponse = Type.Object({
  user: Type.Ref('User'),
  temporaryPassword: Type.Optional(Type.String()),
});

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(Text(40)),
    role: Type.Optional(RoleSchema),
    scope: Type.Optional(Scope),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const ResetPasswordBody = Type.Object(
  { password: Type.Optional(Password) },
  { additionalProperties: false },
);
export const ResetPasswordResponse = Type.Object({ temporaryPassword: Type.String() });

export const RoleList = Type.Object({
  items: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
});
