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

// Bounded so that (page - 1) * pageSize stays a safe integer that both databases accept as an OFFSET.
export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};

export const pageOf = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });

/** A real calendar date: `format: 'date'` refuses 2026-02-30, which `Date` would read as 2 March. */
export const DateString = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  format: 'date',
  description: 'YYYY-MM-DD (Asia/Shanghai)',
});

/** A row id (bigint in the database), bounded to what a JS number holds exactly. */
export const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });

export const RegionCode = Type.String({ pattern: '^(\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}|\\d{15})$' });

/** The scope of an account: a region code, or '' for the whole country. */
export const Scope = Type.String({ pattern: '^(|\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}|\\d{15})$' });

/** Trimmed non-empty text of bounded length. */
export const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });

/** A string from a fixed list, typed as the list's union (TypeBox's own enum has no JSON-Schema `enum`). */
export const StringEnum = <T extends string>(values: readonly T[], options: { description?: string } = {}) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...options });
