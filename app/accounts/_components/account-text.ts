/** Words and limits the accounts page shares between its parts. */

export { MAX_ACCOUNT_NAME_LENGTH as MAX_ACCOUNT_NAME } from '@/lib/portfolio/account';

/** "3 transactions", with `before` in front; nothing for none. */
export function countText(count: number, before = ''): string {
  if (count === 0) return '';
  return `${before}${count.toLocaleString('en-US')} transaction${count === 1 ? '' : 's'}`;
}
