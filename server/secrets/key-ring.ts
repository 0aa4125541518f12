/** The key ring: the current master key, which seals every new value, and the previous ones, which still open. */
import { createSecretKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { keyFingerprint } from './master-key';
import { checkContext, open, parseSealed, seal } from './sealed-value';
import { SecretError } from './secret-error';

/** Seals and opens secrets at rest; every value is bound to its place (`context`, e.g. `connection:42:secret`). */
export interface KeyRing {
  /** The current key's public fingerprint, stored in every value it seals. */
  readonly keyId: string;
  /** The fingerprints of SECRET_KEY_PREVIOUS's keys, which open values but seal none. */
  readonly previousKeyIds: readonly string[];
  /** The stored form of `plaintext` for `context`, under the current key. */
  encrypt(plaintext: string, context: string): string;
  /** The plaintext of a value stored for `context`; throws SecretError when it cannot be opened. */
  decrypt(stored: string, context: string): string;
  /** Whether a stored value was sealed under another key than the current one; throws SecretError when unreadable. */
  needsReencrypt(stored: string): boolean;
  /** The value sealed again under the current key when it is under an older one; `stored` itself otherwise. */
  reencrypt(stored: string, context: string): string;
}

/** A key ring over raw 32-byte keys: `current` seals, `current` and `previous` open. */
export function createKeyRing(current: Buffer, previous: readonly Buffer[] = []): KeyRing {
  // KeyObjects, not Buffers: inspecting or logging one never prints the key's bytes.
  const keys = new Map<string, KeyObject>();
  for (const key of [current, ...previous]) keys.set(keyFingerprint(key), createSecretKey(key));
  const keyId = keyFingerprint(current);
  const currentKey = keys.get(keyId) as KeyObject;
  const previousKeyIds = [...keys.keys()].filter((id) => id !== keyId);

  const decrypt = (stored: string, context: string): string => {
    checkContext(context);
    const parts = parseSealed(stored, context);
    const key = keys.get(parts.keyId);
    if (!key)
      throw new SecretError(
        'SECRET_KEY_UNKNOWN',
        `The stored secret for ${context} was written under key ${parts.keyId}, which is neither SECRET_KEY ` +
          `(${keyId}) nor in SECRET_KEY_PREVIOUS: set that key in SECRET_KEY_PREVIOUS, or enter the secret again.`,
      );
    return open(key, parts, context);
  };

  const needsReencrypt = (stored: string): boolean => parseSealed(stored).keyId !== keyId;

  return {
    keyId,
    previousKeyIds,
    encrypt(plaintext, context) {
      checkContext(context);
      return seal(currentKey, keyId, plaintext, context);
    },
    decrypt,
    needsReencrypt,
    reencrypt(stored, context) {
      checkContext(context);
      if (!needsReencrypt(stored)) return stored;
      return seal(currentKey, keyId, decrypt(stored, context), context);
    },
  };
}
