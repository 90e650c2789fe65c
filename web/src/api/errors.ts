import type { ErrorBody, ErrorDetail } from './types';

/** Every failed request surfaces as one of these, whatever the server sent. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  readonly retryAfterSeconds: number | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    details: ErrorDetail[] = [],
    retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfter;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const inner = (value as { error: unknown }).error;
  return (
    typeof inner === 'object' && inner !== null && typeof (inner as { code?: unknown }).code === 'string'
  );
}

/** Builds an ApiError from a failed response, tolerating proxies that answer with HTML. */
export async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: a gateway page or an empty body. Fall through to a generic error.
  }
  const headerRetry = Number(response.headers.get('retry-after'));
  if (isErrorBody(body)) {
    const { code, message, details, retryAfterSeconds } = body.error;
    const retry =
      retryAfterSeconds ?? (Number.isFinite(headerRetry) && headerRetry > 0 ? headerRetry : undefined);
    return new ApiError(response.status, code, message, details ?? [], retry);
  }
  const code = response.status >= 500 ? 'INTERNAL' : `HTTP_${response.status}`;
  return new ApiError(response.status, code, response.statusText || code);
}

/** A network failure (server down, offline) gets a stable code so the UI can word it. */
export function networkError(cause: unknown): ApiError {
  const error = new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : 'Network error');
  return error;
}
