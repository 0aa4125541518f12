import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createKeyRing } from '../../../server/secrets/key-ring';

const API_KEY = `live-key-${randomBytes(12).toString('hex')}`;
const API_SECRET = `live-secret-${randomBytes(24).toString('base64url')}`;

/** The raw bytes of an SQLite file, closed, that holds `values` in one table. */
function storedBytes(values: string[]): Buffer {
  const file = join(mkdtempSync(join(tmpdir(), 'livefolio-at-rest-')), 'at-rest.db');
  const db = new Database(file);
  db.exec('CREATE TABLE secrets (id INTEGER PRIMARY KEY, value TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO secrets (value) VALUES (?)');
  for (const value of values) insert.run(value);
  db.close();
  return readFileSync(file);
}

/** Every form in which a secret could leak into bytes: as it is, and encoded. */
const forms = (secret: string) => {
  const bytes = Buffer.from(secret, 'utf8');
  return [secret, bytes.toString('base64'), bytes.toString('base64url'), bytes.toString('hex')];
};

describe('secrets at rest', () => {
  it('the database file holds no trace of the key or the secret, only their stored forms', () => {
    const ring = createKeyRing(randomBytes(32));
    const stored = [
      ring.encrypt(API_KEY, 'connection:1:key'),
      ring.encrypt(API_SECRET, 'connection:1:secret'),
    ];
    const raw = storedBytes(stored);
    for (const secret of [API_KEY, API_SECRET])
      for (const form of forms(secret)) expect(raw.includes(Buffer.from(form))).toBe(false);
    // The search itself finds a secret stored in clear, and the stored forms are there.
    const clear = storedBytes([API_SECRET]);
    expect(clear.includes(Buffer.from(API_SECRET))).toBe(true);
    for (const value of stored) expect(raw.includes(Buffer.from(value))).toBe(true);
  });
});
