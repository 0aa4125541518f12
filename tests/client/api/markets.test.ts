import { afterEach, describe, expect, it, vi } from 'vitest';
import { searchMarkets } from '../../../client/api/markets';

/** A fetch that answers every request with `body` as JSON, and the URLs it was asked for. */
function answering(body: unknown, status = 200) {
  const urls: string[] = [];
  vi.stubGlobal('fetch', (url: string) => {
    urls.push(url);
    return Promise.resolve(Response.json(body, { status }));
  });
  return urls;
}
afterEach(() => {
  vi.unstubAllGlobals();
});

const FOUND = {
  exchange: 'kraken',
  markets: [{ stream: 'kraken:BTC/USD', symbol: 'BTC/USD', base: 'BTC', quote: 'USD' }],
};

describe('the add-ticker search', () => {
  it('[H2] searches the exchange the text names, and offers each market’s stream and symbol', async () => {
    const urls = answering(FOUND);
    expect(await searchMarkets('kraken:btc', 8)).toEqual({
      ok: true,
      data: { exchange: 'kraken', markets: [{ stream: 'kraken:BTC/USD', symbol: 'BTC/USD' }] },
    });
    expect(urls).toEqual(['/api/v1/markets?limit=8&exchange=kraken&q=btc']);
    await searchMarkets('x'.repeat(100), 8);
    expect(new URL(urls[1] ?? '', 'http://host').searchParams.get('q')).toBe('x'.repeat(40));
  });

  it('[H2] refuses an answer the contract does not describe, rather than offer half a list', async () => {
    for (const bad of [
      { exchange: 'kraken', markets: [{ ...FOUND.markets[0], stream: 5 }] },
      { exchange: 'kraken' },
      { markets: FOUND.markets },
      '<html>proxy</html>',
    ]) {
      answering(bad);
      expect(await searchMarkets('btc', 8)).toMatchObject({ ok: false, code: 'BAD_ANSWER' });
    }
  });

  it('[H2] passes on the server’s refusal verbatim', async () => {
    answering({ error: { code: 'BAD_REQUEST', message: 'Unknown exchange "foo".' } }, 400);
    expect(await searchMarkets('foo:btc', 8)).toEqual({
      ok: false,
      status: 400,
      code: 'BAD_REQUEST',
      message: 'Unknown exchange "foo".',
    });
  });
});
