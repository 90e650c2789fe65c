import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Personal data (ID and phone numbers) at rest: AES-256-GCM with a random IV per value, and a
 * keyed hash (blind index) so an exact number can be found without decrypting every row.
 */
export interface Pii {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  blindIndex(plain: string): string;
}

const KEY_FILE = 'data.key';

function parseKey(raw: string): Buffer {
  const text = raw.trim();
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error('JICENG_DATA_KEY must be 32 bytes, as 64 hex digits or base64');
  return key;
}

/**
 * The key comes from JICENG_DATA_KEY; without it (the embedded default) one is generated into
 * the data folder on first start. Production refuses to run without an explicit key, since a
 * key lying beside the database protects nothing.
 */
export function loadDataKey(options: { dataKey: string; dataDir: string; production: boolean }): Buffer {
  if (options.dataKey) return parseKey(options.dataKey);
  if (options.production) throw new Error('JICENG_DATA_KEY is required in production');
  const file = path.join(options.dataDir, KEY_FILE);
  if (fs.existsSync(file)) return parseKey(fs.readFileSync(file, 'utf8'));
  fs.mkdirSync(options.dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key.toString('hex'), { mode: 0o600, flag: 'wx' });
  return key;
}

export function createPii(masterKey: Buffer): Pii {
  // Separate subkeys so the index key cannot decrypt and the cipher key cannot forge indexes.
  const derive = (label: string) => Buffer.from(crypto.hkdfSync('sha256', masterKey, '', label, 32));
  const encKey = derive('jiceng/pii/encrypt');
  const indexKey = derive('jiceng/pii/index');
  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(sealed) {
      const raw = Buffer.from(sealed.replace(/^v1\./, ''), 'base64');
      const decipher = crypto.createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    blindIndex(plain) {
      return crypto.createHmac('sha256', indexKey).update(plain).digest('base64url');
    },
  };
}

/** `620105********1234`: the address code and the last four stay, the birth date goes. */
export const maskIdNumber = (id: string) =>
  id.length <= 10 ? '*'.repeat(id.length) : `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;

/** `138****5678`. */
export const maskPhone = (phone: string) =>
  phone.length < 7 ? '*'.repeat(phone.length) : `${phone.slice(0, 3)}****${phone.slice(-4)}`;
