/** What may be shown of an API key: its last four characters at most, so a user can tell their keys apart. */

const HIDDEN = '••••';
// Up to 8 characters, the last four would be half the key: nothing of it is shown.
const SHOWN_FROM_LENGTH = 9;

/** `••••abcd` for a key longer than 8 characters, `••••` for a shorter one or none. */
export function maskKey(key: string | null | undefined): string {
  // Code points, not UTF-16 units: a character is never cut in half.
  const chars = Array.from(typeof key === 'string' ? key.trim() : '');
  return chars.length < SHOWN_FROM_LENGTH ? HIDDEN : HIDDEN + chars.slice(-4).join('');
}
