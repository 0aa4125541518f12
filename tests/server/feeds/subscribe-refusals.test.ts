import { describe, expect, it } from 'vitest';
import { subscribeRefusal } from '../../../server/feeds/subscribe-refusals';

// Kraken's WebSocket v2 acknowledgements, as its documentation shows them.
const refused = {
  error: 'Currency pair not supported ETH/USD',
  method: 'subscribe',
  req_id: 7,
  success: false,
  symbol: 'ETH/USD',
  time_in: '2026-12-02T10:00:00.000000Z',
  time_out: '2026-12-02T10:00:00.000100Z',
};

describe('subscribeRefusal', () => {
  it("[F7] reads Kraken's per-symbol refusal with its words", () => {
    expect(subscribeRefusal('kraken', refused)).toEqual({
      symbol: 'ETH/USD',
      reason: 'Currency pair not supported ETH/USD',
    });
  });

  it('[F7] ignores acknowledgements, a second subscribe of a live stream, other exchanges and junk', () => {
    const ok = { method: 'subscribe', result: { channel: 'ticker', symbol: 'BTC/USD' }, success: true };
    expect(subscribeRefusal('kraken', ok)).toBeNull();
    expect(subscribeRefusal('kraken', { ...refused, error: 'Already subscribed' })).toBeNull();
    expect(subscribeRefusal('kraken', { channel: 'heartbeat' })).toBeNull();
    expect(subscribeRefusal('binance', refused)).toBeNull();
    for (const junk of [null, 'text', [refused], { ...refused, symbol: 5 }, { ...refused, error: {} }])
      expect(subscribeRefusal('kraken', junk)).toBeNull();
  });

  it('bounds what it keeps of a hostile message', () => {
    const long = subscribeRefusal('kraken', { ...refused, error: 'x'.repeat(10_000) });
    expect(long?.reason.length).toBe(200);
  });
});
