import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPii, loadDataKey, maskIdNumber, maskPhone } from './pii.js';

const key = (byte: number) => Buffer.alloc(32, byte);

describe('pii encryption', () => {
  const pii = createPii(key(7));

  it('round-trips ID numbers, phone numbers, Chinese text and the empty string', () => {
    for (const plain of ['62010519900101123X', '13812345678', '兰州市安宁区枣林西社区', '']) {
      const sealed = pii.encrypt(plain);
      expect(sealed.startsWith('v1.')).toBe(true);
      expect(sealed).not.toContain(plain || 'never-matches');
      expect(pii.decrypt(sealed)).toBe(plain);
    }
  });

  it('uses a fresh IV for every value, so equal numbers do not give equal ciphertexts', () => {
    const sealed = Array.from({ length: 20 }, () => pii.encrypt('13812345678'));
    expect(new Set(sealed).size).toBe(20);
    const ivs = sealed.map((s) => Buffer.from(s.slice(3), 'base64').subarray(0, 12).toString('hex'));
    expect(new Set(ivs).size).toBe(20);
  });

  it('detects tampering with the ciphertext, the tag or the IV', () => {
    const sealed = pii.encrypt('62010519900101123X');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    for (const index of [0, 11, 12, 27, 28, raw.length - 1]) {
      const forged = Buffer.from(raw);
      forged[index] = (forged[index] ?? 0) ^ 0x01;
      expect(() => pii.decrypt(`v1.${forged.toString('base64')}`), `byte ${index}`).toThrow();
    }
    // Cutting the value short is tampering too.
    expect(() => pii.decrypt(`v1.${raw.subarray(0, raw.length - 1).toString('base64')}`)).toThrow();
  });

  it('cannot be decrypted with another key', () => {
    const sealed = pii.encrypt('13812345678');
    expect(() => createPii(key(8)).decrypt(sealed)).toThrow();
  });

  it('gives a stable blind index that depends on the key and the value', () => {
    const a = pii.blindIndex('62010519900101123X');
    expect(pii.blindIndex('62010519900101123X')).toBe(a);
    expect(createPii(key(7)).blindIndex('62010519900101123X')).toBe(a);
    expect(createPii(key(8)).blindIndex('62010519900101123X')).not.toBe(a);
    expect(pii.blindIndex('62010519900101124X')).not.toBe(a);
    // A plain unkeyed hash of the number must not be the index (else it is a lookup table away).
    const plainHash = crypto.createHash('sha256').update('62010519900101123X').digest('base64url');
    expect(a).not.toBe(plainHash);
    expect(a).not.toContain('62010519900101123X');
  });
});

describe('data key', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiceng-key-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('accepts 64 hex digits or base64 of 32 bytes, and refuses other lengths', () => {
    const raw = crypto.randomBytes(32);
    const options = { dataDir: tempDir(), production: true };
    expect(loadDataKey({ ...options, dataKey: raw.toString('hex') }).equals(raw)).toBe(true);
    expect(loadDataKey({ ...options, dataKey: raw.toString('base64') }).equals(raw)).toBe(true);
    expect(() => loadDataKey({ ...options, dataKey: crypto.randomBytes(16).toString('hex') })).toThrow();
    expect(() => loadDataKey({ ...options, dataKey: 'short' })).toThrow();
  });

  it('refuses to run in production without an explicit key', () => {
    expect(() => loadDataKey({ dataKey: '', dataDir: tempDir(), production: true })).toThrow(
      /JICENG_DATA_KEY/,
    );
  });

  it('generates a key file once (mode 600) and reads the same key afterwards', () => {
    const dataDir = tempDir();
    const first = loadDataKey({ dataKey: '', dataDir, production: false });
    expect(first.length).toBe(32);
    const file = path.join(dataDir, 'data.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadDataKey({ dataKey: '', dataDir, production: false }).equals(first)).toBe(true);
  });
});

describe('masks', () => {
  it('shows the address code and the last four of an ID number', () => {
    expect(maskIdNumber('620105199001011234')).toBe('620105********1234');
    expect(maskIdNumber('62010519900101123X')).toBe('620105********123X');
    // A 15-digit first-generation number hides its birth date too.
    expect(maskIdNumber('620105900101123')).toBe('620105*****1123');
  });

  it('hides short values completely', () => {
    expect(maskIdNumber('1234567890')).toBe('**********');
    expect(maskIdNumber('')).toBe('');
    expect(maskPhone('123456')).toBe('******');
  });

  it('masks a mobile number as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('1381234567')).toBe('138****4567');
  });
});
