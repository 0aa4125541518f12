/**
 * AES-256-GCM over one value, and its stored text: `v1.<keyId>.<iv>.<tag>.<ciphertext>`, each part base64url.
 * The associated data binds the value to its place, so a ciphertext copied to another row or field does not open.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { SecretError } from './secret-error';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
// Far above any API key; a longer text is refused before any decoding work.
const MAX_STORED_CHARS = 64 * 1024;
const KEY_ID = /^[A-Za-z0-9_-]{8}$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;
// Places look like `connection:42:secret`: a name a caller builds from ids, never user text.
const CONTEXT = /^[A-Za-z0-9._:-]{1,200}$/;

/** The parts of a stored value, decoded. */
export interface SealedParts {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

/** Encrypts `plaintext` under `key` (named `keyId`) for `context`, with a fresh random IV. */
export function seal(key: KeyObject, keyId: string, plaintext: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(keyId, context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, keyId, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** Decrypts parts sealed for `context` under `key`; throws SECRET_UNREADABLE when authentication fails. */
export function open(key: KeyObject, parts: SealedParts, context: string): string {
  const decipher = createDecipheriv('aes-256-gcm', key, parts.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(associatedData(parts.keyId, context));
  decipher.setAuthTag(parts.tag);
  try {
    return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]).toString('utf8');
  } catch {
    // Node's own message says nothing useful; ours says what to suspect, and nothing of the value.
    throw new SecretError(
      'SECRET_UNREADABLE',
      `The stored secret for ${context} does not authenticate: it was changed, or it belongs to another place.`,
    );
  }
}

/** Splits and decodes a stored value (for `context`, named in the error); throws SECRET_UNREADABLE when it is not one. */
export function parseSealed(stored: string, context?: string): SealedParts {
  const parts = typeof stored === 'string' && stored.length <= MAX_STORED_CHARS ? stored.split('.') : [];
  const [version, keyId, iv, tag, ciphertext] = parts;
  const decoded =
    parts.length === 5 && version === VERSION && keyId !== undefined && KEY_ID.test(keyId)
      ? [iv, tag, ciphertext].map(decodePart)
      : [];
  const [ivBytes, tagBytes, ciphertextBytes] = decoded;
  if (
    keyId === undefined ||
    ivBytes?.length !== IV_BYTES ||
    tagBytes?.length !== TAG_BYTES ||
    ciphertextBytes === undefined ||
    ciphertextBytes === null
  )
    throw new SecretError(
      'SECRET_UNREADABLE',
      `The stored secret${context === undefined ? '' : ` for ${context}`} is not in the stored form ` +
        `(${VERSION}.<key id>.<iv>.<tag>.<ciphertext>).`,
    );
  return { keyId, iv: ivBytes, tag: tagBytes, ciphertext: ciphertextBytes };
}

/** Throws SECRET_CONTEXT_INVALID unless `context` is a place name such as `connection:42:secret`. */
export function checkContext(context: string): void {
  if (typeof context !== 'string' || !CONTEXT.test(context))
    throw new SecretError(
      'SECRET_CONTEXT_INVALID',
      'A secret must be bound to a place: 1 to 200 letters, digits, ".", "_", ":" or "-" (e.g. connection:42:secret).',
    );
}

// The version and key id are authenticated too: a value cannot be passed off as written under another key.
function associatedData(keyId: string, context: string): Buffer {
  return Buffer.from(`livefolio-secret:${VERSION}:${keyId}:${context}`, 'utf8');
}

// Only canonical base64url: another spelling of the same bytes is a changed value, not the same one.
function decodePart(part: string | undefined): Buffer | null {
  if (part === undefined || !BASE64URL.test(part)) return null;
  const bytes = Buffer.from(part, 'base64url');
  return bytes.toString('base64url') === part ? bytes : null;
}
