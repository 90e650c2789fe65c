import { createRequire } from 'node:module';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorDetail } from './errors.js';
import { hasMessage, type Lang, langOf, message } from './i18n.js';

// ajv-i18n is CommonJS with a default-export typing that ESM cannot call; require it plainly.
const localizeZh = createRequire(import.meta.url)('ajv-i18n/localize/zh') as (errors: unknown) => void;

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

function validationDetails(errors: AjvError[], lang: Lang): ErrorDetail[] {
  if (lang === 'zh') localizeZh(errors);
  return errors.map((e) => {
    const missing = e.keyword === 'required' ? `/${String(e.params.missingProperty)}` : '';
    const extra = e.keyword === 'additionalProperties' ? `/${String(e.params.additionalProperty)}` : '';
    return { path: `${e.instancePath}${missing}${extra}` || '/', message: e.message ?? e.keyword };
  });
}

/** Two writers raced for the same unique key; the loser gets a conflict, not a 500. */
const isUniqueViolation = (error: { code?: string }) =>
  error.code === '23505' ||
  error.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
  error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';

/** Maps what Fastify itself refuses (bad JSON, big bodies, schema violations) to our codes. */
function fromFastify(error: FastifyError, lang: Lang): AppError | undefined {
  if (error.validation) {
    return new AppError(
      400,
      'VALIDATION_FAILED',
      {},
      validationDetails(error.validation as AjvError[], lang),
    );
  }
  if (isUniqueViolation(error)) return new AppError(409, 'CONFLICT');
  if (error.statusCode === 413) return new AppError(413, 'PAYLOAD_TOO_LARGE');
  if (error.statusCode === 415) return new AppError(415, 'UNSUPPORTED_MEDIA_TYPE');
  if (error.statusCode === 400 && (error.code?.startsWith('FST_ERR_CTP') || error instanceof SyntaxError)) {
    return new AppError(400, 'MALFORMED_JSON');
  }
  return undefined;
}

export function sendError(reply: FastifyReply, request: FastifyRequest, error: AppError) {
  const lang = langOf(request.headers['accept-language']);
  if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
  return reply.status(error.status).send({
    error: {
      code: error.code,
      message: message(error.code, lang, error.params),
      // A detail may name a catalog code instead of a sentence; it is translated like the message.
      ...(error.details
        ? {
            details: error.details.map((d) =>
              hasMessage(d.message) ? { ...d, message: message(d.message, lang) } : d,
            ),
          }
        : {}),
      ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    },
  });
}

/**
 * Every failure leaves the server in the one error shape. Anything we did not raise on purpose
 * is logged (without the request body, which may hold personal data) and answered as INTERNAL:
 * no stack trace, no SQL.
 */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const lang = langOf(request.headers['accept-language']);
    const known = err instanceof AppError ? err : fromFastify(err, lang);
    if (known) return sendError(reply, request, known);
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return sendError(reply, request, new AppError(err.statusCode, 'VALIDATION_FAILED'));
    }
    request.log.error({ err: { type: err.name, code: err.code, message: err.message, stack: err.stack } });
    return sendError(reply, request, new AppError(500, 'INTERNAL'));
  });
}

/**
 * Errors the router raises before any hook runs (a path with broken percent-encoding,
 * `FST_ERR_BAD_URL`) would otherwise leave in Fastify's own shape, echoing the URL.
 * Passed to Fastify as its `frameworkErrors` option.
 */
export function frameworkErrors(_error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  sendError(reply, request, new AppError(400, 'VALIDATION_FAILED'));
}

/**
 * Unknown API paths answer NOT_FOUND in the error shape; any other GET gets the web app's
 * index.html (when built), so client-side routes survive a reload.
 */
export function registerNotFound(app: FastifyInstance, indexHtml?: Buffer) {
  app.setNotFoundHandler((request, reply) => {
    if (indexHtml && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.header('cache-control', 'no-cache').type('text/html').send(indexHtml);
    }
    return sendError(reply, request, new AppError(404, 'NOT_FOUND'));
  });
}
