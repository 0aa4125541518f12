/** The master key's text form (SECRET_KEY, SECRET_KEY_PREVIOUS, the key file) and its public fingerprint. */
import { createHmac } from 'node:crypto';

/** Bytes of an AES-256 key. */
export const MASTER_KEY_BYTES = 32;

/** What a master key looks like, and how to make one: said by every error about a key's format. */
export const MASTER_KEY_FORMAT =
  'expected 32 random bytes as base64 (44 characters) or as 64 hex characters; generate one with `openssl rand -base64 32`';

// 32 bytes are 43 base64 characters and one "=" of padding (optional here); either alphabet, standard or URL-safe.
const BASE64 = /^[A-Za-z0-9+/_-]{43}=?$/;
const HEX = /^[0-9a-fA-F]{64}$/;

/** The key's 32 bytes from its text (surrounding whitespace ignored), or null when the text is not a key. */
export function parseMasterKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (HEX.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (!BASE64.test(trimmed)) return null;
  const bytes = Buffer.from(trimmed.replace(/=$/, ''), 'base64');
  return bytes.length === MASTER_KEY_BYTES ? bytes : null;
}

/**
 * A short public name of a key: the first 6 bytes of an HMAC keyed by it, base64url (8 characters). Stored beside
 * each value to pick the key that opens it, and safe to log: it tells nothing about the key's bytes.
 */
export function keyFingerprint(key: Buffer): string {
  return createHmac('sha256', key)
    .update('livefolio secret key id')
    .digest()
    .subarray(0, 6)
    .toString('base64url');
}
