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
  /** The largest spreadsheet an import accepts (a 100,000-row residents file is about 8 MB). */
  uploadLimitBytes: number;
  logLevel: string;
  webDir: string;
  /** Behind a reverse proxy, trust X-Forwarded-For from it (login limits are per client IP). */
  trustProxy: boolean;
  /** The map's background: none (outlines on a plain background) unless a tile URL is set. */
  map: MapConfig;
}

export interface MapConfig {
  /** An XYZ tile URL template (`https://…/{z}/{x}/{y}.png`), or null for no tiles at all. */
  tileUrl: string | null;
  /** The datum of the tiles: coordinates are stored in WGS-84 and shifted for GCJ-02 tiles. */
  tileCrs: 'wgs84' | 'gcj02';
  attribution: string | null;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer`);
  return value;
}

function mapConfig(env: NodeJS.ProcessEnv): MapConfig {
  const tileUrl = env.JICENG_MAP_TILE_URL?.trim() || null;
  if (tileUrl && !['{z}', '{x}', '{y}'].every((part) => tileUrl.includes(part))) {
    throw new Error('JICENG_MAP_TILE_URL must be a tile template with {z}, {x} and {y}');
  }
  const tileCrs = env.JICENG_MAP_TILE_CRS?.trim().toLowerCase() || 'wgs84';
  if (tileCrs !== 'wgs84' && tileCrs !== 'gcj02')
    throw new Error('JICENG_MAP_TILE_CRS must be wgs84 or gcj02');
  return { tileUrl, tileCrs, attribution: env.JICENG_MAP_ATTRIBUTION?.trim() || null };
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
    uploadLimitBytes: int(env, 'JICENG_UPLOAD_LIMIT_BYTES', 50 * 1024 * 1024),
    // Request logs are for production; on a developer's terminal they would bury the start banner.
    logLevel: env.LOG_LEVEL || (production ? 'info' : 'warn'),
    trustProxy: env.JICENG_TRUST_PROXY === '1',
    map: mapConfig(env),
    webDir: path.resolve(env.JICENG_WEB_DIR || path.join(import.meta.dirname, '..', 'web')),
  };
}
