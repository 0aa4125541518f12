import { describe, expect, it } from 'vitest';
import {
  DECIMAL_PLACES,
  precisionToDecimals,
  servedAsMap,
  SIGNIFICANT_DIGITS,
  TICK_SIZE,
  tickToDecimals,
  toMarketInfo,
  toMarketInfos,
} from '../../../server/feeds/markets';

describe('tickToDecimals', () => {
  it.each([
    [0.01, 2],
    [0.1, 1],
    [0.5, 1],
    [0.00025, 5],
    [1e-8, 8],
    [2.5e-7, 8],
    [1, 0],
    [10, 0],
  ])('tick %d -> %d decimals', (tick, decimals) => {
    expect(tickToDecimals(tick)).toBe(decimals);
  });

  it.each([0, -0.01, NaN, Infinity])('tick %d -> null', (tick) => {
    expect(tickToDecimals(tick)).toBeNull();
  });
});

describe('precisionToDecimals', () => {
  it('TICK_SIZE (4): the value is a tick', () => {
    expect(TICK_SIZE).toBe(4);
    expect(precisionToDecimals(0.001, TICK_SIZE)).toBe(3);
  });

  it('DECIMAL_PLACES (2): the value is the number of places', () => {
    expect(DECIMAL_PLACES).toBe(2);
    expect(precisionToDecimals(3, DECIMAL_PLACES)).toBe(3);
    expect(precisionToDecimals(0, DECIMAL_PLACES)).toBe(0);
    expect(precisionToDecimals(2.5, DECIMAL_PLACES)).toBeNull();
    expect(precisionToDecimals(-1, DECIMAL_PLACES)).toBeNull();
  });

  it('SIGNIFICANT_DIGITS (3) has no fixed decimal places: null', () => {
    expect(SIGNIFICANT_DIGITS).toBe(3);
    expect(precisionToDecimals(5, SIGNIFICANT_DIGITS)).toBeNull();
  });

  it('no or junk precision: null', () => {
    expect(precisionToDecimals(undefined, TICK_SIZE)).toBeNull();
    expect(precisionToDecimals('0.01', TICK_SIZE)).toBeNull();
    expect(precisionToDecimals(0.01, 99)).toBeNull();
  });
});

describe('toMarketInfo(s)', () => {
  const btc = {
    symbol: 'BTC/USDT',
    base: 'BTC',
    quote: 'USDT',
    active: true,
    precision: { price: 0.01, amount: 0.00001 },
  };

  it('maps a ccxt market', () => {
    expect(toMarketInfo(btc, TICK_SIZE)).toEqual({
      symbol: 'BTC/USDT',
      base: 'BTC',
      quote: 'USDT',
      active: true,
      priceDecimals: 2,
      amountDecimals: 5,
    });
  });

  it('treats an unknown `active` as active and only false as inactive', () => {
    expect(toMarketInfo({ ...btc, active: undefined }, TICK_SIZE)?.active).toBe(true);
    expect(toMarketInfo({ ...btc, active: false }, TICK_SIZE)?.active).toBe(false);
  });

  it('skips entries without a symbol and sorts by symbol', () => {
    const infos = toMarketInfos(
      {
        'ETH/USDT': { ...btc, symbol: 'ETH/USDT', base: 'ETH' },
        junk: { symbol: 42 },
        'BTC/USDT': btc,
        'X/Y': { symbol: 'ADA/USDT', precision: null },
      },
      DECIMAL_PLACES,
    );
    expect(infos.map((m) => m.symbol)).toEqual(['ADA/USDT', 'BTC/USDT', 'ETH/USDT']);
    expect(infos[0]).toMatchObject({ base: '', priceDecimals: null, amountDecimals: null });
    // DECIMAL_PLACES with a tick-like value is not a valid count of places.
    expect(infos[1]?.priceDecimals).toBeNull();
  });
});

describe('servedAsMap', () => {
  it("[F8] maps Coinbase's -USDC products to the -USD product whose data they carry, from either side's alias", () => {
    const markets = {
      'BTC/USD': {
        symbol: 'BTC/USD',
        id: 'BTC-USD',
        alias: 'BTC-USDC',
        info: { alias: '', alias_to: ['BTC-USDC'] },
      },
      'BTC/USDC': {
        symbol: 'BTC/USDC',
        id: 'BTC-USDC',
        alias: undefined,
        info: { alias: 'BTC-USD', alias_to: [] },
      },
      'ETH/USDC': { symbol: 'ETH/USDC', id: 'ETH-USDC', info: { alias: 'ETH-USD' } },
      'ETH/USD': { symbol: 'ETH/USD', id: 'ETH-USD', alias: undefined, info: {} },
      'SOL/USD': { symbol: 'SOL/USD', id: 'SOL-USD', alias: 'NOT-LISTED' },
    };
    expect(servedAsMap(markets)).toEqual(
      new Map([
        ['BTC/USDC', 'BTC/USD'],
        ['ETH/USDC', 'ETH/USD'],
      ]),
    );
  });

  it('maps nothing for exchanges without aliases, or junk', () => {
    expect(servedAsMap({ 'BTC/USDT': { symbol: 'BTC/USDT', id: 'BTCUSDT' } }).size).toBe(0);
    expect(servedAsMap(undefined).size).toBe(0);
    expect(servedAsMap({ x: null, y: 5, z: { symbol: 3 } }).size).toBe(0);
  });
});
