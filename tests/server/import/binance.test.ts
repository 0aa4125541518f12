import { describe, expect, it } from 'vitest';
import { parseBinance } from '../../../server/import/binance';
import { fileOf, fixture, plain, refusal, viewOf } from './parse-file';

const MARKETS = [
  'BTC/USDT',
  'ETH/USDT',
  'BNB/USDT',
  'SOL/USDT',
  'ETH/BTC',
  'BTC/EUR',
  'EUR/USDT',
  '1INCH/USDT',
];
const binance = viewOf('binance', MARKETS);
const HEADER = '"Date(UTC)","Pair","Side","Price","Executed","Amount","Fee"';
const parse = (rows: string[], view = binance) =>
  parseBinance(fileOf([HEADER, ...rows].join('\n'), 'binance'), view);

describe('the Binance trade history', () => {
  it('[P4] reads each fill as a trade of a listed market, its fee in its own currency', () => {
    const parsed = parseBinance(fileOf(fixture('binance-trade-history.csv'), 'binance'), binance);
    expect(parsed.format).toBe('binance');
    expect(parsed.records).toHaveLength(9);
    expect(parsed.warnings).toEqual([]);
    const byLine = new Map(parsed.records.map((r) => [r.lines[0], plain(r.record)]));
    expect(byLine.get(10)).toEqual({
      id: expect.stringMatching(/^h[0-9a-f]{24}$/),
      symbol: 'BTC/USDT',
      base: 'BTC',
      quote: 'USDT',
      side: 'buy',
      amount: '0.01',
      price: '94000',
      cost: '940',
      fee: { amount: '0.00001', currency: 'BTC' },
      timeMs: Date.UTC(2025, 0, 6, 9, 15, 2),
    });
    // Thousands separators, a fee in a third currency, a pair of two other coins.
    expect(byLine.get(9)).toMatchObject({ cost: '1700.25', fee: { amount: '1.70025', currency: 'USDT' } });
    expect(byLine.get(7)).toMatchObject({ symbol: 'ETH/BTC', side: 'sell', fee: { currency: 'BNB' } });
    expect(byLine.get(4)).toMatchObject({ symbol: 'EUR/USDT', amount: '400' });
  });

  it('[P4] gives each row a stable id: the same on every import, two identical rows two ids', () => {
    const ids = () =>
      parseBinance(fileOf(fixture('binance-trade-history.csv'), 'binance'), binance).records.map(
        (r) => r.record.id,
      );
    expect(ids()).toEqual(ids());
    const [first, second] = ids();
    expect(second).toBe(`${first}#2`);
    expect(new Set(ids()).size).toBe(9);
  });

  it('[P4] splits a pair by the loaded markets, a code that starts with a digit included', () => {
    const [record] = parse([
      '"2025-01-06 09:15:02","1INCHUSDT","BUY","0.40","10.51INCH","4.2USDT","0.01USDT"',
    ]).records;
    expect(plain(record?.record)).toMatchObject({ base: '1INCH', quote: 'USDT', amount: '10.5' });
  });

  it('[P4] without the exchange configured, splits by the known quote currencies and says so', () => {
    const parsed = parse(
      ['"2025-01-06 09:15:02","DOGEFDUSD","SELL","0.3","100DOGE","30FDUSD","0.03FDUSD"'],
      viewOf('binance'),
    );
    expect(plain(parsed.records[0]?.record)).toMatchObject({ base: 'DOGE', quote: 'FDUSD' });
    expect(parsed.warnings).toEqual([expect.stringMatching(/^Binance is not configured on this server/)]);
    expect(
      refusal(() =>
        parse(['"2025-01-06 09:15:02","DOGEXYZ","SELL","1","1DOGE","1XYZ","0XYZ"'], viewOf('binance')),
      ),
    ).toMatch(/line 2: Pair: "DOGEXYZ" is not a pair of a known quote currency/);
  });

  it('[L6][P4] says so in the reader’s language', () => {
    const file = fileOf(
      [HEADER, '"2025-01-06 09:15:02","DOGEFDUSD","SELL","0.3","100DOGE","30FDUSD","0.03FDUSD"'].join('\n'),
      'binance',
    );
    const german = { language: 'de' as const, formatLocale: 'de-DE' };
    expect(parseBinance(file, viewOf('binance'), german).warnings).toEqual([
      'Binance ist auf diesem Server nicht eingerichtet: die Paare wurden anhand der bekannten Gegenwährungen ' +
        'aufgeteilt (docs/imports.md).',
    ]);
  });

  it.each([
    [
      'a pair the markets cannot split',
      '"2025-01-06 09:15:02","SOLEUR","BUY","1","1SOL","1EUR","0EUR"',
      /Pair: "SOLEUR" is not a market Binance lists/,
    ],
    [
      'an unknown side',
      '"2025-01-06 09:15:02","BTCUSDT","BOTH","1","1BTC","1USDT","0USDT"',
      /Side: expected BUY or SELL/,
    ],
    [
      'an amount that is not one',
      '"2025-01-06 09:15:02","BTCUSDT","BUY","1","1e-3BTC","1USDT","0USDT"',
      /Executed: expected an amount of BTC/,
    ],
    [
      'an amount in another currency',
      '"2025-01-06 09:15:02","BTCUSDT","BUY","1","1BTC","1EUR","0USDT"',
      /Amount: expected an amount of USDT/,
    ],
    [
      'a price of 0',
      '"2025-01-06 09:15:02","BTCUSDT","BUY","0","1BTC","1USDT","0USDT"',
      /Price: expected a decimal above 0/,
    ],
    [
      'a negative fee',
      '"2025-01-06 09:15:02","BTCUSDT","BUY","1","1BTC","1USDT","-0.1USDT"',
      /Fee: must not be negative/,
    ],
    [
      'a fee without its currency',
      '"2025-01-06 09:15:02","BTCUSDT","BUY","1","1BTC","1USDT","0.1"',
      /Fee: expected an amount and its currency/,
    ],
    [
      'a date that does not exist',
      '"2025-02-29 09:15:02","BTCUSDT","BUY","1","1BTC","1USDT","0USDT"',
      /Date\(UTC\): expected a UTC time/,
    ],
    [
      'a date in another form',
      '"06/01/2025 09:15","BTCUSDT","BUY","1","1BTC","1USDT","0USDT"',
      /Date\(UTC\): expected a UTC time/,
    ],
  ])('[P4] refuses %s, naming the line', (_name, row, message) => {
    expect(refusal(() => parse([row]))).toMatch(
      new RegExp(`^Nothing was imported\\. 1 line is wrong:\\nline 2: .*${message.source}`),
    );
  });
});
