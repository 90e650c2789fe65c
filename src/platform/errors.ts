/** One error detail: a JSON pointer into the input and what is wrong there. */
export interface ErrorDetail {
  path: string;
  message: string;
  [extra: string]: unknown;
}

/**
 * A refusal the client should see. `code` is a stable English word; the message shown to the
 * client comes from the i18n catalog by code (in the request's language), with `params` filled in.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly details?: ErrorDetail[],
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, 'NOT_FOUND');
export const forbidden = () => new AppError(403, 'FORBIDDEN');
export const unauthenticated = () => new AppError(401, 'UNAUTHENTICATED');
export const conflict = (code: string, params?: Record<string, string | number>) =>
  new AppError(409, code, params);
export const refused = (code: string, params?: Record<string, string | number>) =>
  new AppError(422, code, params);
/** Invalid input found by a rule the schema cannot express, named by its field. */
export const invalidField = (path: string, message: string) =>
  new AppError(400, 'VALIDATION_FAILED', {}, [{ path, message }]);
