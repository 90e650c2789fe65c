import { ApiError, networkError, toApiError } from './errors';

export type Language = 'zh' | 'en';
type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  /** JSON, or FormData for a multipart upload. */
  body?: unknown;
  signal?: AbortSignal;
}

interface AuthHandlers {
  /** A request answered 401: the session is gone. */
  onUnauthenticated: () => void;
  /** A request answered 403 PASSWORD_CHANGE_REQUIRED. */
  onPasswordChangeRequired: () => void;
}

// Module state rather than React state: the token and language are needed by every request,
// including ones fired outside components (query functions, mutations).
let csrfToken: string | null = null;
let language: Language = 'zh';
let handlers: AuthHandlers = { onUnauthenticated: () => {}, onPasswordChangeRequired: () => {} };

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setClientLanguage(lang: Language): void {
  language = lang;
}

export function setAuthHandlers(next: AuthHandlers): void {
  handlers = next;
}

const LOGIN_PATH = '/api/auth/login';

/** Builds `/api/x?a=1` leaving out empty values, so filters can be passed straight through. */
export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function send(path: string, options: RequestOptions, accept: string): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: accept,
    'Accept-Language': language === 'en' ? 'en' : 'zh-CN',
  };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  // A FormData body (a file upload) goes as multipart: the browser writes its Content-Type.
  const form = options.body instanceof FormData ? options.body : undefined;
  if (options.body !== undefined && !form) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw networkError(cause);
  }
  if (response.ok) return response;

  const error = await toApiError(response);
  if (error.status === 401 && path !== LOGIN_PATH) {
    csrfToken = null;
    handlers.onUnauthenticated();
  } else if (error.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED') {
    handlers.onPasswordChangeRequired();
  }
  throw error;
}

/** JSON request; resolves to `undefined` for 204 answers. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options, 'application/json');
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Downloads a file through the same error handling as JSON calls. */
export async function download(path: string, query: Query, fallbackName: string): Promise<void> {
  const response = await send(path, { query }, '*/*');
  const blob = await response.blob();
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : (plain ?? fallbackName);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start the download asynchronously after click().
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export { ApiError };
