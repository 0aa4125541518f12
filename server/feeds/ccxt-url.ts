/** Points a ccxt exchange at another server (the demo exchange) by rewriting the URLs in its `urls.api`. */

// scheme, authority, then everything after it (path, query, fragment) verbatim, even when empty.
const ABSOLUTE_URL = /^(https?|wss?):\/\/[^/?#]*(.*)$/i;

/** Rewrites every URL in a ccxt exchange's `urls.api` (recursively, objects and strings) to the given base URL, keeping each URL's path; http(s) base -> ws(s) for WebSocket URLs. */
export function rewriteExchangeUrls(api: unknown, baseUrl: string): unknown {
  const base = new URL(baseUrl);
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(base.protocol)) {
    throw new Error(`rewriteExchangeUrls: base URL must be http(s) or ws(s), got ${baseUrl}`);
  }
  // Either form of the base names one server; TLS or not decides both schemes.
  const secure = base.protocol === 'https:' || base.protocol === 'wss:';
  // A base with a path prefix (a reverse proxy) keeps it; URL always reports at least "/", which is dropped.
  const prefix = base.pathname.replace(/\/+$/, '');
  const httpBase = `${secure ? 'https:' : 'http:'}//${base.host}${prefix}`;
  const wsBase = `${secure ? 'wss:' : 'ws:'}//${base.host}${prefix}`;

  const rewrite = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const match = ABSOLUTE_URL.exec(value);
      if (match === null) return value;
      const scheme = (match[1] ?? '').toLowerCase();
      return (scheme.startsWith('ws') ? wsBase : httpBase) + (match[2] ?? '');
    }
    if (Array.isArray(value)) return value.map(rewrite);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, rewrite(inner)]));
    }
    return value;
  };
  return rewrite(api);
}
