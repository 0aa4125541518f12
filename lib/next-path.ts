/** Where a sign-in goes once it succeeds: the page the visitor was sent from, checked by the browser and the server alike. */

/** `next` when it is a path on this site, else "/": a sign-in link must not send anyone to another host. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/')) return '/';
  // "//host" and "/\host" name another host; browsers read "\" as "/" and drop tabs and newlines from URLs,
  // so "/\t/host" would become "//host" too.
  for (const char of next) {
    const code = char.charCodeAt(0);
    if (char === '\\' || code < 0x20 || code === 0x7f) return '/';
  }
  return next.startsWith('//') ? '/' : next;
}
