import { type TSchema, Type } from 'typebox';

/** Schemas shared by every module's routes. */

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(
        Type.Array(
          Type.Object({ path: Type.String(), message: Type.String() }, { additionalProperties: true }),
        ),
      ),
      retryAfterSeconds: Type.Optional(Type.Integer()),
    }),
  },
  { $id: 'ErrorResponse' },
);

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};

export const pageOf = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });

export const DateString = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'YYYY-MM-DD (Asia/Shanghai)',
});

export const RegionCode = Type.String({ pattern: '^(\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}|\\d{15})$' });

/** The scope of an account: a region code, or '' for the whole country. */
export const Scope = Type.String({ pattern: '^(|\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}|\\d{15})$' });

/** Trimmed non-empty text of bounded length. */
export const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
