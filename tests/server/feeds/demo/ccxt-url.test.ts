import ccxt from 'ccxt';
import { describe, expect, it } from 'vitest';
import { rewriteExchangeUrls } from '../../../../server/feeds/ccxt-url';

const BASE = 'http://127.0.0.1:9100';

/** Every string leaf of a nested structure. */
function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(leaves);
  return [];
}

describe('rewriteExchangeUrls', () => {
  it('points binance REST and WebSocket URLs at the base, keeping paths', () => {
    const api = new ccxt.pro.binance().urls.api as Record<string, unknown>;
    const out = rewriteExchangeUrls(api, BASE) as Record<string, Record<string, unknown> | string>;
    expect(out.public).toBe('http://127.0.0.1:9100/api/v3');
    expect(out.sapi).toBe('http://127.0.0.1:9100/sapi/v1');
    expect(out.fapiPublic).toBe('http://127.0.0.1:9100/fapi/v1');
    const ws = out.ws as Record<string, unknown>;
    expect(ws.spot).toBe('ws://127.0.0.1:9100/ws');
    expect((ws['ws-api'] as Record<string, string>).spot).toBe('ws://127.0.0.1:9100/ws-api/v3');
    // Nothing may still point at the internet: the demo runs with no network.
    expect(
      leaves(out).filter(
        (url) => !url.startsWith('http://127.0.0.1:9100') && !url.startsWith('ws://127.0.0.1:9100'),
      ),
    ).toEqual([]);
    expect(leaves(out)).toHaveLength(leaves(api).length);
  });

  it('keeps a URL without a path pathless (coinbase, kraken): no trailing slash is added', () => {
    const coinbase = rewriteExchangeUrls(new ccxt.pro.coinbase().urls.api, BASE);
    expect(coinbase).toEqual({ rest: 'http://127.0.0.1:9100', ws: 'ws://127.0.0.1:9100' });
    const kraken = rewriteExchangeUrls(new ccxt.pro.kraken().urls.api, BASE) as Record<string, unknown>;
    expect(kraken.public).toBe('http://127.0.0.1:9100');
    expect(kraken.zendesk).toBe('http://127.0.0.1:9100/api/v2/help_center/en-us/articles');
    expect(kraken.ws).toMatchObject({ public: 'ws://127.0.0.1:9100', publicV2: 'ws://127.0.0.1:9100/v2' });
  });

  it('maps an https base to wss, keeps queries, leaves non-URLs and non-strings alone', () => {
    const api = {
      rest: 'https://x.example/api?v=1',
      ws: ['wss://s.example:9443/ws'],
      note: 'hello',
      weight: 5,
    };
    expect(rewriteExchangeUrls(api, 'https://localhost:8443/')).toEqual({
      rest: 'https://localhost:8443/api?v=1',
      ws: ['wss://localhost:8443/ws'],
      note: 'hello',
      weight: 5,
    });
  });

  it('keeps a base path prefix and does not mutate its input', () => {
    const api = {
      public: 'https://api.binance.com/api/v3',
      ws: { spot: 'wss://stream.binance.com:9443/ws' },
    };
    const copy = structuredClone(api);
    expect(rewriteExchangeUrls(api, 'http://[::1]:9100/binance/')).toEqual({
      public: 'http://[::1]:9100/binance/api/v3',
      ws: { spot: 'ws://[::1]:9100/binance/ws' },
    });
    expect(api).toEqual(copy);
  });

  it('accepts a ws(s) base for the same server, and rejects other schemes', () => {
    const api = { rest: 'https://api.x.com/v1', ws: 'wss://ws.x.com/ws' };
    expect(rewriteExchangeUrls(api, 'ws://127.0.0.1:9100')).toEqual({
      rest: 'http://127.0.0.1:9100/v1',
      ws: 'ws://127.0.0.1:9100/ws',
    });
    expect(rewriteExchangeUrls(api, 'wss://127.0.0.1:9100')).toMatchObject({
      rest: 'https://127.0.0.1:9100/v1',
    });
    expect(() => rewriteExchangeUrls({}, 'ftp://127.0.0.1:9100')).toThrow(/http/);
  });
});
