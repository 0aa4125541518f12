/** The one error type of the secrets at rest: a stable code, and a message that names no secret and no ciphertext. */

/**
 * Why a stored secret cannot be used:
 * - `SECRET_UNREADABLE`: not a stored secret, or its authentication failed (changed, or copied from another place);
 * - `SECRET_KEY_UNKNOWN`: written under a key that is neither SECRET_KEY nor in SECRET_KEY_PREVIOUS;
 * - `SECRET_CONTEXT_INVALID`: the place it is bound to is not a valid name (a bug of the caller).
 */
export type SecretErrorCode = 'SECRET_UNREADABLE' | 'SECRET_KEY_UNKNOWN' | 'SECRET_CONTEXT_INVALID';

/** A secret that cannot be sealed or opened; callers match on `code`, never on the message. */
export class SecretError extends Error {
  override readonly name = 'SecretError';

  constructor(
    readonly code: SecretErrorCode,
    message: string,
  ) {
    super(message);
  }
}
