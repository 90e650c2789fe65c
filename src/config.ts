import path from 'node:path';

/** Every setting of the platform, read once from the environment. */
export interface Config {
  host: string;
  port: number;
  production: boolean;
  /** `postgres://…` selects PostgreSQL; empty means the embedded SQLite file. */
  databaseUrl: string;
  dataDir: string;
  /** 32-byte key for personal data (hex or base64); generated into dataDir when empty. */
  dataKey: string;
  demo: boolean;
  demoPassword: string;
  idleMinutes: number;
  /** A password older than this must be changed before anything else (等保 periodic change); 0: never. */
  passwordMaxAgeDays: number;
  lockout: { maxFailures: number; windowMinutes: number; lockMinutes: number };
  /** Login attempts allowed per IP within the window, whatever the account. */
  loginRateLimit: { maxAttempts: number; windowMinutes: number };
  auditRetentionDays: number;
  bodyLimitBytes: number;
  logLevel: string;
  webDir: string;
  /** Behind a reverse proxy, trust X-Forwarded-For from it (login limits are per client IP). */
  trustProxy: boolean;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer`);
  return value;
}

export const DEFAULT_DEMO_PASSWORD = 'Jiceng@2026';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const dataDir = path.resolve(env.JICENG_DATA_DIR || 'data');
  return {
    host: env.HOST || '127.0.0.1',
    port: int(env, 'PORT', 3000),
    production,
    databaseUrl: env.DATABASE_URL || '',
    dataDir,
    dataKey: env.JICENG_DATA_KEY || '',
    // Production never loads the demo, whatever JICENG_DEMO says.
    demo: !production && env.JICENG_DEMO !== '0',
    demoPassword: env.JICENG_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
    idleMinutes: int(env, 'JICENG_IDLE_MINUTES', 30),
    passwordMaxAgeDays: int(env, 'JICENG_PASSWORD_MAX_AGE_DAYS', 90),
    lockout: {
      maxFailures: int(env, 'JICENG_LOCKOUT_FAILURES', 5),
      windowMinutes: int(env, 'JICENG_LOCKOUT_WINDOW_MINUTES', 15),
      lockMinutes: int(env, 'JICENG_LOCKOUT_MINUTES', 15),
    },
    loginRateLimit: {
      maxAttempts: int(env, 'JICENG_LOGIN_RATE_LIMIT', 30),
      windowMinutes: int(env, 'JICENG_LOGIN_RATE_WINDOW_MINUTES', 5),
    },
    auditRetentionDays: Math.max(180, int(env, 'JICENG_AUDIT_RETENTION_DAYS', 180)),
    bodyLimitBytes: int(env, 'JICENG_BODY_LIMIT_BYTES', 1024 * 1024),
    // Request logs are for production; on a developer's terminal they would bury the start banner.
    logLevel: env.LOG_LEVEL || (production ? 'info' : 'warn'),
    trustProxy: env.JICENG_TRUST_PROXY === '1',
    webDir: path.resolve(env.JICENG_WEB_DIR || path.join(import.meta.dirname, '..', 'web')),
  };
}
