import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeyRing } from '../../../server/secrets/key-ring';
import { SecretError } from '../../../server/secrets/secret-error';
import type { SecretErrorCode } from '../../../server/secrets/secret-error';

const PLAINTEXT = 'api-secret-Zx81kq0Lw3vNc2Hd9Pj4Rt';
const PLACE = 'connection:42:secret';
const key = () => randomBytes(32);

/** What `run` throws, checked to be a SecretError with `code` that names neither the plaintext nor the stored parts. */
function refusal(run: () => unknown, code: SecretErrorCode, stored?: string): SecretError {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(SecretError);
  const error = thrown as SecretError;
  expect(error.code).toBe(code);
  expect(error.message).not.toContain(PLAINTEXT);
  for (const part of stored?.split('.').slice(2) ?? []) if (part) expect(error.message).not.toContain(part);
  return error;
}

// A different first character keeps a base64url part canonical and its length, so only its bytes change.
const changed = (stored: string, index: number) =>
  stored
    .split('.')
    .map((part, i) => (i === index ? (part.startsWith('A') ? 'B' : 'A') + part.slice(1) : part))
    .join('.');

describe('the key ring (AES-256-GCM, bound to a place)', () => {
  const ring = createKeyRing(key());

  it('gives back what it sealed, in the versioned stored form under its key id', () => {
    const stored = ring.encrypt(PLAINTEXT, PLACE);
    expect(stored).toMatch(/^v1\.[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(stored.split('.')[1]).toBe(ring.keyId);
    expect(ring.decrypt(stored, PLACE)).toBe(PLAINTEXT);
    expect(ring.decrypt(ring.encrypt('', PLACE), PLACE)).toBe('');
    expect(ring.decrypt(ring.encrypt('clé ✓ 🔑', PLACE), PLACE)).toBe('clé ✓ 🔑');
  });

  it('uses a fresh IV for every value: the same secret twice is stored twice differently', () => {
    const [a, b] = [ring.encrypt(PLAINTEXT, PLACE), ring.encrypt(PLAINTEXT, PLACE)];
    expect(a).not.toBe(b);
    expect(a.split('.')[2]).not.toBe(b.split('.')[2]);
  });

  it.each([
    ['iv', 2],
    ['tag', 3],
    ['ciphertext', 4],
  ])('refuses a value whose %s was changed', (_part, index) => {
    const stored = ring.encrypt(PLAINTEXT, PLACE);
    const error = refusal(() => ring.decrypt(changed(stored, index), PLACE), 'SECRET_UNREADABLE', stored);
    expect(error.message).toMatch(/does not authenticate: it was changed, or it belongs to another place/);
  });

  it('refuses a value whose key id was changed, to an unknown key or to another key of the ring', () => {
    const older = key();
    const rotated = createKeyRing(key(), [older]);
    const stored = rotated.encrypt(PLAINTEXT, PLACE);
    refusal(() => rotated.decrypt(changed(stored, 1), PLACE), 'SECRET_KEY_UNKNOWN', stored);
    // The key id is authenticated too: relabelled as the old key's, the value is opened with that key and fails.
    const relabelled = stored.replace(`.${rotated.keyId}.`, `.${createKeyRing(older).keyId}.`);
    refusal(() => rotated.decrypt(relabelled, PLACE), 'SECRET_UNREADABLE', stored);
  });

  it('refuses a value copied to another place (another row, another field)', () => {
    const stored = ring.encrypt(PLAINTEXT, PLACE);
    for (const place of ['connection:43:secret', 'connection:42:key', 'connection:42:passphrase'])
      refusal(() => ring.decrypt(stored, place), 'SECRET_UNREADABLE', stored);
  });

  it('refuses a value sealed under a key it does not hold', () => {
    const stored = createKeyRing(key()).encrypt(PLAINTEXT, PLACE);
    refusal(() => ring.decrypt(stored, PLACE), 'SECRET_KEY_UNKNOWN', stored);
  });

  it.each([
    ['an empty text', ''],
    ['plaintext itself', PLAINTEXT],
    ['another version', 'v2.AAAAAAAA.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA'],
    ['a missing part', 'v1.AAAAAAAA.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA'],
    ['a part too many', 'v1.AAAAAAAA.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA.AAAA'],
    ['an IV of 8 bytes', 'v1.AAAAAAAA.AAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA'],
    ['a non-canonical base64url part', 'v1.AAAAAAAA.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAB.AAAA'],
    ['standard base64 characters', 'v1.AAAAAAAA.AAAAAAAAAAAAAAA+.AAAAAAAAAAAAAAAAAAAAAA.AAAA'],
    ['a huge text', `v1.AAAAAAAA.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.${'A'.repeat(70_000)}`],
  ])('refuses %s as a stored value, with a clear error', (_name, stored) => {
    const error = refusal(() => ring.decrypt(stored, PLACE), 'SECRET_UNREADABLE');
    expect(error.message).toMatch(/^The stored secret for connection:42:secret is not in the stored form/);
    refusal(() => ring.needsReencrypt(stored), 'SECRET_UNREADABLE');
  });

  it('refuses to bind a value to no place or to free text', () => {
    for (const place of ['', 'connection 42', 'x'.repeat(201), 'connection/42']) {
      refusal(() => ring.encrypt(PLAINTEXT, place), 'SECRET_CONTEXT_INVALID');
      refusal(() => ring.decrypt(ring.encrypt(PLAINTEXT, PLACE), place), 'SECRET_CONTEXT_INVALID');
    }
  });
});

describe('rotation (SECRET_KEY_PREVIOUS)', () => {
  const [oldKey, newKey] = [key(), key()];
  const before = createKeyRing(oldKey);
  const stored = before.encrypt(PLAINTEXT, PLACE);

  it('opens a value under a previous key, and reencrypt moves it to the current key', () => {
    const ring = createKeyRing(newKey, [oldKey]);
    expect(ring.previousKeyIds).toEqual([before.keyId]);
    expect(ring.decrypt(stored, PLACE)).toBe(PLAINTEXT);
    expect(ring.needsReencrypt(stored)).toBe(true);
    const moved = ring.reencrypt(stored, PLACE);
    expect(moved.split('.')[1]).toBe(ring.keyId);
    expect(ring.needsReencrypt(moved)).toBe(false);
    // Once moved, the old key can go: the current key alone opens it.
    expect(createKeyRing(newKey).decrypt(moved, PLACE)).toBe(PLAINTEXT);
    // Under the current key already: nothing to write.
    expect(ring.reencrypt(moved, PLACE)).toBe(moved);
  });

  it('without the old key, says which key the value needs and where to put it', () => {
    const error = refusal(() => createKeyRing(newKey).decrypt(stored, PLACE), 'SECRET_KEY_UNKNOWN', stored);
    expect(error.message).toContain(`written under key ${before.keyId}`);
    expect(error.message).toContain('SECRET_KEY_PREVIOUS');
    refusal(() => createKeyRing(newKey).reencrypt(stored, PLACE), 'SECRET_KEY_UNKNOWN', stored);
  });

  it('moves nothing to a new place: reencrypt checks the value where it is', () => {
    const ring = createKeyRing(newKey, [oldKey]);
    refusal(() => ring.reencrypt(stored, 'connection:7:secret'), 'SECRET_UNREADABLE', stored);
  });
});
