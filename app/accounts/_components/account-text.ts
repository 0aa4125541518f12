/** Words and limits the accounts page shares between its parts. */

/** Longest account name the server takes (P8). */
export const MAX_ACCOUNT_NAME = 60;

/** "3 transactions", with `before` in front; nothing for none. */
export function countText(count: number, before = ''): string {
  if (count === 0) return '';
  return `${before}${count.toLocaleString('en-US')} transaction${count === 1 ? '' : 's'}`;
}
