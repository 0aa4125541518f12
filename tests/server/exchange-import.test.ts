/** The exchanges' own files through POST /api/v1/transactions.csv, on the real server and simulated exchanges. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCcxtExchange } from '../../server/feeds/ccxt-exchange';
import type { AccountTrade } from '../../server/feeds/demo/binance-account';
import { connectBinance, settled } from '../support/connections';
import { freshSchema, postgresAvailable } from '../support/services';
import type { Loose, Stack, StackOptions, Target } from '../support/stack';
import { api, autoClose, send, signIn } from '../support/stack';

const { start } = autoClose();
const postgresUp = await postgresAvailable();
/** The stack on each storage engine the machine has (CI has both): the import's writes run on both. */
const ENGINES: Array<[string, () => Promise<StackOptions>]> = [['SQLite', async () => ({})]];
if (postgresUp)
  ENGINES.push(['PostgreSQL', async () => ({ env: { DATABASE_URL: (await freshSchema()).url } })]);
const BOB = { username: 'bob', password: 'bob-password-1' };
const BINANCE_HEADER = '"Date(UTC)","Pair","Side","Price","Executed","Amount","Fee"';
const fixture = (name: string) => readFileSync(`tests/fixtures/exports/${name}`, 'utf8');

async function importFile(target: Target, body: string | Uint8Array, query = '') {
  const res = await api(target, `/api/v1/transactions.csv${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: res.status, body: (await res.json()) as Loose };
}

const createAccount = async (target: Target, name: string) =>
  (await send(target, 'POST', '/api/v1/accounts', { name })).body.account.id as string;
const transactions = async (target: Target, query = '') =>
  (await send(target, 'GET', `/api/v1/transactions${query}`)).body.transactions as Loose[];
const accountNames = async (target: Target) =>
  ((await send(target, 'GET', '/api/v1/accounts')).body.accounts as Loose[]).map((a) => a.name as string);

/** What the account holds, asset by asset, priced or not. */
async function holdings(target: Target, account: string): Promise<Record<string, string>> {
  const { body } = await send(target, 'GET', `/api/v1/portfolio?account=${account}`);
  const rows = [...(body.assets as Loose[]), ...(body.unpriced as Loose[])];
  return Object.fromEntries(rows.filter((r) => r.quantity !== '0').map((r) => [r.asset, r.quantity]));
}

/**
 * Imports a fixture twice: the first books every row into the account and leaves it holding `held`, the second
 * finds every row booked and adds nothing.
 */
async function importTwice(
  stack: Stack,
  name: string,
  query: string,
  expected: { rows: number; ignored?: number; held: Record<string, string> },
) {
  const { rows, ignored = 0 } = expected;
  const first = await importFile(stack, fixture(name), query);
  expect(first.status, JSON.stringify(first.body)).toBe(201);
  expect(first.body).toMatchObject({ imported: rows, skipped: 0, ignored, warnings: [] });
  expect(await holdings(stack, first.body.account.id as string)).toEqual(expected.held);
  const count = (await transactions(stack)).length;
  const again = await importFile(stack, fixture(name), query);
  expect(again.status).toBe(201);
  expect(again.body).toMatchObject({ imported: 0, skipped: rows, ignored });
  expect((await transactions(stack)).length).toBe(count);
  return first.body;
}

describe.each(ENGINES)('importing a Binance trade history on %s', (_engine, options) => {
  it('[P4] books every fill into the chosen account, both sides in USDT, BNB fees as disposals; a second import adds nothing', async () => {
    const stack = await start(await options());
    const spot = await createAccount(stack, 'Binance spot');
    const held = { USDT: '615.384', BTC: '0.01199', ETH: '0.3', BNB: '0.09941', SOL: '1', EUR: '59.54' };
    const answer = await importTwice(stack, 'binance-trade-history.csv', `?account=${spot}`, {
      rows: 9,
      held,
    });
    expect(answer).toMatchObject({ format: 'binance', account: { id: spot, name: 'Binance spot' } });
    const booked = await transactions(stack, `?account=${spot}`);
    expect(booked.every((t) => t.quoteCurrency === 'USDT' && t.exchange === 'binance')).toBe(true);
    // The file starts with USDT spent that it never shows arriving: an opening balance of unknown cost.
    expect(booked[0]).toMatchObject({
      type: 'deposit',
      asset: 'USDT',
      quantity: '3091.95025',
      costUnknown: true,
      externalId: 'opening:USDT',
    });
    const fees = booked.filter((t) => (t.externalId as string).endsWith(':fee'));
    expect(fees.map((t) => [t.type, t.asset, t.quantity])).toEqual([
      ['sell', 'BNB', '0.000015'],
      ['sell', 'BNB', '0.0005'],
    ]);
    // Two identical fills in the same second are two.
    const solSales = booked.filter((t) => t.asset === 'SOL' && t.type === 'sell');
    expect(solSales).toHaveLength(2);
    expect(new Set(solSales.map((t) => t.externalId)).size).toBe(2);
    // ETH sold for BTC: the BTC received is valued at its minute's USDT price, the ETH at the same value.
    const ethSale = booked.find((t) => t.asset === 'ETH' && t.type === 'sell') as Loose;
    const btcIn = booked.find((t) => t.externalId === `${ethSale.externalId as string}:quote`) as Loose;
    expect(Number(btcIn.price)).toBeGreaterThan(1000);
    expect(Number(ethSale.price)).toBeCloseTo(Number(btcIn.price) * 0.035, 6);
  });

  it('[P4] refuses a file with bad rows whole, each line named, and stores and creates nothing', async () => {
    const stack = await start(await options());
    const file = [
      '"Date(UTC)","Pair","Side","Price","Executed","Amount","Fee"',
      '"2025-01-06 09:15:02","BTCUSDT","BUY","94000.00","0.01BTC","940USDT","0.00001BTC"',
      '"2025-01-07 09:15:02","BTCUSDT","HOLD","94000.00","0.01BTC","940USDT","0.00001BTC"',
      '"2025-01-08 09:15:02","BTCUSDT","BUY","94000.00","0.0x1BTC","940USDT","0.00001BTC"',
      '"2025-01-09 09:15:02","ABCXYZ","BUY","1.00","1ABC","1XYZ","0XYZ"',
      '"2025-01-10 09:15:02","BTCUSDT","SELL","94000.00","0.01BTC","940USDT","-0.5USDT"',
      '"2025-02-30 09:15:02","BTCUSDT","BUY","94000.00","0.01BTC","940USDT","0.00001BTC"',
    ].join('\n');
    const res = await importFile(stack, file);
    expect(res.status).toBe(400);
    const lines = (res.body.error.message as string).split('\n');
    expect(lines[0]).toBe('Nothing was imported. 5 lines are wrong:');
    expect(lines.slice(1).map((l) => l.split(':')[0])).toEqual([
      'line 3',
      'line 4',
      'line 5',
      'line 6',
      'line 7',
    ]);
    expect(lines[1]).toMatch(/Side: expected BUY or SELL/);
    expect(lines[2]).toMatch(/Executed: expected an amount of BTC/);
    expect(lines[3]).toMatch(/Pair: "ABCXYZ" is not a market Binance lists/);
    expect(lines[4]).toMatch(/Fee: must not be negative/);
    expect(lines[5]).toMatch(/Date\(UTC\): expected a UTC time/);
    expect(await transactions(stack)).toEqual([]);
    expect(await accountNames(stack)).toEqual(['Main']);
  });

  /** A manual buy of ETH quoted in `currency`: the portfolio then quotes ETH in it (P2). */
  const ethIn = (currency: string) => ({
    type: 'buy',
    asset: 'ETH',
    quantity: '1',
    price: '3000',
    quoteCurrency: currency,
    fee: '0',
    feeCurrency: currency,
    time: '2024-12-01T00:00:00Z',
  });

  it('[P2][P4] books an asset the portfolio quotes in another currency in that one, at the minute’s rate', async () => {
    const stack = await start(await options());
    expect((await send(stack, 'POST', '/api/v1/transactions', ethIn('EUR'))).status).toBe(201);
    const res = await importFile(stack, fixture('binance-trade-history.csv'));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const booked = await transactions(stack, `?account=${res.body.account.id as string}`);
    const eth = booked.filter((t) => t.asset === 'ETH');
    expect(eth.length).toBeGreaterThan(0);
    expect(eth.every((t) => t.quoteCurrency === 'EUR')).toBe(true);
    // The file's ETH/USDT fill at 3400.50 USDT, in EUR at that minute's EUR/USDT rate of the simulated exchange.
    const bought = eth.find((t) => t.type === 'buy') as Loose;
    const ex = await createCcxtExchange({ id: 'binance', url: stack.demo.url, simulated: true });
    const [candle] = await ex.fetchOHLCV('EUR/USDT', '1m', Date.parse('2025-01-08T14:40:00Z'), 1);
    await ex.close();
    expect(Number(bought.price)).toBeCloseTo(3400.5 / Number(candle?.[1]), 6);
    expect(bought.feeCurrency).toBe('EUR');
    expect(Number(bought.fee)).toBeCloseTo(1.70025 / Number(candle?.[1]), 12);
    // The other assets stay in the file's home currency.
    expect(booked.filter((t) => t.asset === 'BTC').every((t) => t.quoteCurrency === 'USDT')).toBe(true);
  });

  it('[P2][P4] refuses, naming the lines, where no rate moves an asset into the currency the portfolio quotes it in', async () => {
    const stack = await start(await options());
    expect((await send(stack, 'POST', '/api/v1/transactions', ethIn('GBP'))).status).toBe(201);
    const res = await importFile(stack, fixture('binance-trade-history.csv'));
    expect(res.status).toBe(400);
    const lines = (res.body.error.message as string).split('\n').slice(1);
    expect(lines).toEqual([
      expect.stringMatching(
        /^line 9: ETH is quoted in GBP in your portfolio, and no USDT\/GBP rate is known at /,
      ),
      expect.stringMatching(/^line 7: ETH is quoted in GBP/),
    ]);
    expect(await transactions(stack)).toHaveLength(1);
    expect(await accountNames(stack)).toEqual(['Main']);
  });
});

describe('importing a Coinbase transaction history', () => {
  it('[P4] skips the preamble, books every type into an account named Coinbase, priced from the file or the candles', async () => {
    const stack = await start({ exchanges: ['coinbase'] });
    const held = { USD: '68.59', USDC: '641.66', BTC: '0.0085', ETH: '0.4012', SOL: '2.51', LINK: '0.5' };
    const answer = await importTwice(stack, 'coinbase-transaction-history.csv', '', { rows: 14, held });
    expect(answer).toMatchObject({ format: 'coinbase', account: { name: 'Coinbase' } });
    const id = answer.account.id as string;
    const booked = await transactions(stack, `?account=${id}`);
    expect(booked.every((t) => t.quoteCurrency === 'USD')).toBe(true);
    // Coinbase's own ids; no opening balance: the file explains every coin it spends.
    expect(booked.some((t) => t.costUnknown)).toBe(false);
    expect(booked.find((t) => t.externalId === 'deposit:67942d3ff162730002f0213e')).toBeDefined();
    const income = booked.filter((t) => ['staking', 'income'].includes(t.type as string));
    expect(income.map((t) => [t.type, t.asset, t.quantity])).toEqual([
      ['staking', 'ETH', '0.0012'],
      ['staking', 'USDC', '1.25'],
      ['income', 'LINK', '0.5'],
      ['staking', 'SOL', '0.01'],
    ]);
    // Coinbase states the price in USD, the home currency; the SOL reward has none and takes its minute's candle.
    expect(income.map((t) => t.price).slice(0, 3)).toEqual(['3350', '1', '14']);
    expect(Number(income[3]?.price)).toBeGreaterThan(0);
    // A Convert is a trade: ETH given, BTC received, at one value.
    const converted = booked.filter((t) => (t.externalId as string).includes('679b96c8eafb0c0018a9bac7'));
    expect(converted.map((t) => [t.type, t.asset, t.quantity])).toEqual([
      ['sell', 'ETH', '0.1'],
      ['buy', 'BTC', '0.0035'],
    ]);
  });
});

describe('importing a Kraken ledgers export', () => {
  it('[P4] pairs the rows of each trade, maps Kraken’s asset codes, books rewards and leaves its wallet moves out', async () => {
    const stack = await start({ exchanges: ['kraken', 'coinbase'] });
    const kraken = await createAccount(stack, 'Kraken Pro');
    const held = { USD: '341.1', BTC: '0.02697', ETH: '0.3011', DOT: '100.35', SOL: '0.52', BCH: '0.05' };
    const query = `?account=${kraken}&format=kraken`;
    const answer = await importTwice(stack, 'kraken-ledgers.csv', query, { rows: 14, ignored: 4, held });
    expect(answer).toMatchObject({ format: 'kraken', account: { id: kraken, name: 'Kraken Pro' } });
    const booked = await transactions(stack, `?account=${kraken}`);
    expect(booked.some((t) => t.costUnknown)).toBe(false);
    expect(booked.find((t) => t.externalId === 'trade:BTC/USD:TJKL2X-PQ4SM-7YTB3N')).toMatchObject({
      type: 'buy',
      quantity: '0.03',
      price: '95000',
      fee: '7.41',
      feeCurrency: 'USD',
    });
    const income = booked.filter((t) => ['staking', 'airdrop'].includes(t.type as string));
    expect(income.map((t) => [t.type, t.asset, t.quantity, t.externalId])).toEqual([
      ['staking', 'DOT', '0.35', 'staking:LK8B1Z-6JRT3-MV2X7N'],
      ['staking', 'ETH', '0.0021', 'staking:LD2F7Q-9NVX4-TB6M1R'],
      ['airdrop', 'BCH', '0.05', 'airdrop:LC7Q4N-8WZX2-DP3B6M'],
    ]);
    // Kraken keeps no candles that old; the next configured exchange's price values the rewards.
    for (const t of income) expect(Number(t.price)).toBeGreaterThan(0);
  });

  it('[P1][P4] refuses a reward no exchange has a price for, naming its line', async () => {
    const stack = await start({ exchanges: ['kraken'] });
    const file = [
      'txid,refid,time,type,subtype,aclass,asset,wallet,amount,fee,balance',
      'LK8B1Z-6JRT3-MV2X7N,STHR3QP-WX8KA-C2LV9F,2025-01-19 02:00:00,staking,,currency,DOT.S,spot / main,0.35,0,0.35',
    ].join('\n');
    const res = await importFile(stack, file);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /\nline 2: No DOT\/USD price is known at 2025-01-19T02:00:00.000Z/,
    );
    expect(await transactions(stack)).toEqual([]);
  });
});

describe('what an import refuses whole', () => {
  const header = '"Date(UTC)","Pair","Side","Price","Executed","Amount","Fee"';
  const row = '"2025-01-06 09:15:02","BTCUSDT","BUY","94000.00","0.01BTC","940USDT","0.00001BTC"';
  const utf16 = (text: string, bom: boolean) =>
    Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(text, 'utf16le')]);

  it.each([
    [
      'a file of another kind',
      'Date,Description,Amount\n2025-01-02,Coffee,-3.50',
      '',
      /line 1: not a file Livefolio imports/,
    ],
    [
      'a file of another format than asked',
      `${header}\n${row}`,
      '?format=coinbase',
      /this file is a Binance trade history, not a Coinbase transaction history: import it with format=binance/,
    ],
    [
      "Kraken's trades export",
      'txid,ordertxid,pair,time,type,ordertype,price,cost,fee,vol,margin,misc,ledgers\nT1,O1,XXBTZUSD,2025-01-02 00:00:00,buy,limit,1,1,0,1,0,,L1',
      '',
      /Kraken's trades export; import Kraken's ledgers export instead/,
    ],
    [
      'a file cut off in the middle of a row',
      `${header}\n${row}\n"2025-01-07 09:15:02","BTCUSDT","BUY"`,
      '',
      /line 3: not valid CSV: the row ends after 3 of 7 columns: the file looks cut off/,
    ],
    [
      'a file cut off inside a quoted cell',
      `${header}\n${row}\n"2025-01-07 09:15:02","BTCUS`,
      '',
      /not valid CSV: a quoted cell is never closed: the file looks cut off/,
    ],
    [
      'semicolons between the columns',
      'Date(UTC);Pair;Side;Price;Executed;Amount;Fee\n2025-01-06 09:15:02;BTCUSDT;BUY;94000;0.01BTC;940USDT;0BTC',
      '',
      /line 1: the columns are separated by ";", not commas/,
    ],
    [
      'a missing column',
      '"Date(UTC)","Pair","Side","Price","Executed","Fee"\n1,2,3,4,5,6',
      '',
      /lacks Amount/,
    ],
    ['an unknown format', `${header}\n${row}`, '?format=excel', /format/],
    [
      'an id too long to be one',
      `txid,refid,time,type,asset,amount,fee\nL1,${'Q'.repeat(300)},2025-01-02 00:00:00,deposit,ZUSD,10,0`,
      '',
      /line 2: id: too long/,
    ],
  ])('[P4] %s', async (_name, file, query, message) => {
    const stack = await start();
    const res = await importFile(stack, file, query);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(await transactions(stack)).toEqual([]);
    expect(await accountNames(stack)).toEqual(['Main']);
  });

  it.each([
    ['UTF-16 with a byte-order mark', utf16(`${header}\n${row}`, true), /is UTF-16 text, not UTF-8/],
    ['UTF-16 without one', utf16(`${header}\n${row}`, false), /NUL characters \(UTF-16 text\?\), not UTF-8/],
    [
      'Latin-1 bytes',
      Buffer.from(
        `time,type,asset,quantity,price,quote_currency,fee,fee_currency,exchange,note\n2025-01-02T00:00:00Z,buy,BTC,1,1,USDT,0,USDT,,caf\u00e9`,
        'latin1',
      ),
      /not UTF-8 text \(it may be Latin-1/,
    ],
    [
      'Latin-1 a browser already read as UTF-8',
      Buffer.from(`${header}\n${row.replace('BTCUSDT', 'BTCUSDT\uFFFD')}`, 'utf8'),
      /characters that were not UTF-8 when it was read/,
    ],
  ])('[P4] a file in another encoding: %s', async (_name, bytes, message) => {
    const stack = await start();
    const res = await importFile(stack, bytes);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(await transactions(stack)).toEqual([]);
  });

  it('[P4][P8][A7] another user’s account, or none, is 404 for every format, and nothing is stored', async () => {
    const stack = await start();
    await send(stack, 'POST', '/api/v1/users', BOB);
    const bob: Target = { url: stack.url, cookie: await signIn(stack.url, BOB) };
    const bobs = await createAccount(bob, 'Bob wallet');
    const livefolio =
      'time,type,asset,quantity,price,quote_currency,fee,fee_currency\n2025-01-02T00:00:00Z,buy,BTC,1,1,USDT,0,USDT';
    for (const account of [bobs, 'no-such-account'])
      for (const file of [fixture('binance-trade-history.csv'), livefolio]) {
        const res = await importFile(stack, file, `?account=${account}`);
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('NOT_FOUND');
      }
    expect(await transactions(stack)).toEqual([]);
    expect(await transactions(bob)).toEqual([]);
  });
});

describe('the Livefolio format with an account', () => {
  it('[P4] puts the rows that name no account into the one asked for', async () => {
    const stack = await start();
    const ledger = await createAccount(stack, 'Ledger');
    const file = [
      'time,type,asset,quantity,price,quote_currency,fee,fee_currency,account',
      '2025-01-02T00:00:00Z,buy,BTC,1,90000,USDT,0,USDT,',
      '2025-01-03T00:00:00Z,buy,BTC,2,91000,USDT,0,USDT,Main',
    ].join('\n');
    const res = await importFile(stack, file, `?account=${ledger}&format=livefolio`);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ format: 'livefolio', imported: 2, skipped: 0, ignored: 0, warnings: [] });
    expect(await holdings(stack, ledger)).toEqual({ BTC: '1' });
  });
});

describe('a Binance file in an account synced from Binance', () => {
  /** The demo account's fills as Binance's trade history export writes them, newest first. */
  function exportOf(trades: readonly AccountTrade[]): string {
    const cell = (s: string) => `"${s}"`;
    const rows = [...trades].reverse().map((t) => {
      const [base, quote] = t.symbol.split('/') as [string, string];
      const time = new Date(t.time).toISOString().slice(0, 19).replace('T', ' ');
      const fee = `${t.commission}${t.commissionAsset}`;
      const parts = [
        time,
        base + quote,
        t.side.toUpperCase(),
        t.price,
        t.qty + base,
        t.quoteQty + quote,
        fee,
      ];
      return parts.map(cell).join(',');
    });
    return [BINANCE_HEADER, ...rows].join('\n');
  }

  it('[P4][P9] books the fills the sync booked once, matched without ids, and a fill the sync has not seen', async () => {
    const stack = await start({ env: { SYNC_INTERVAL_MINUTES: '0' } });
    const added = await connectBinance(stack);
    expect(added.status).toBe(201);
    const connection = await settled(stack, added.body.connection.id as string);
    expect(connection.state).toBe('ok');
    const account = connection.account.id as string;
    const synced = stack.demo.account.trades();
    const before = await transactions(stack, `?account=${account}`);

    const same = await importFile(stack, exportOf(synced), `?account=${account}&format=binance`);
    expect(same.status, JSON.stringify(same.body)).toBe(201);
    expect(same.body).toMatchObject({ imported: 0, skipped: synced.length });
    expect(await transactions(stack, `?account=${account}`)).toEqual(before);

    // One fill the sync has not seen yet: only its legs are booked.
    const last = synced.at(-1) as AccountTrade;
    const unseen = { ...last, time: last.time + 60_000 };
    const more = await importFile(stack, exportOf([...synced, unseen]), `?account=${account}&format=binance`);
    expect(more.body).toMatchObject({ imported: 1, skipped: synced.length });
    const after = await transactions(stack, `?account=${account}`);
    const fresh = after.filter((t) => !before.some((b) => b.id === t.id && b.quantity === t.quantity));
    expect(fresh.map((t) => [t.type, t.asset, t.time])).toContainEqual([
      last.side,
      last.symbol.split('/')[0],
      new Date(Math.floor(unseen.time / 1000) * 1000).toISOString(),
    ]);
  });
});

describe('an import refused in the reader’s language', () => {
  const inLanguage = async (
    target: Target,
    body: string | Uint8Array,
    headers: Record<string, string>,
    query = '',
  ) => {
    const res = await api(target, `/api/v1/transactions.csv${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', ...headers },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
    return { status: res.status, message: ((await res.json()) as Loose).error.message as string };
  };

  it('[L6][P4] names each bad line and its problems in German for Accept-Language de, in English without one', async () => {
    const stack = await start();
    const file = [
      BINANCE_HEADER,
      '"2025-01-07 09:15:02","BTCUSDT","HOLD","94000.00","0.01BTC","940USDT","0.00001BTC"',
      '"2025-02-30 09:15:02","BTCUSDT","SELL","94000.00","0.01BTC","940USDT","-0.5USDT"',
    ].join('\n');
    const german = await inLanguage(stack, file, { 'accept-language': 'de-DE,de;q=0.9' });
    expect(german.status).toBe(400);
    expect(german.message).toBe(
      'Es wurde nichts importiert. 2 Zeilen sind fehlerhaft:\n' +
        'Zeile 2: Side: erwartet wird BUY oder SELL\n' +
        'Zeile 3: Date(UTC): erwartet wird eine UTC-Zeit wie 2024-03-05 14:02:11; Fee: darf nicht negativ sein',
    );
    expect((await inLanguage(stack, file, {})).message).toBe(
      'Nothing was imported. 2 lines are wrong:\n' +
        'line 2: Side: expected BUY or SELL\n' +
        'line 3: Date(UTC): expected a UTC time like 2024-03-05 14:02:11; Fee: must not be negative',
    );
    expect(await transactions(stack)).toEqual([]);
  });

  it('[L6][P4] refuses a whole file in German for the language cookie: another encoding, another format', async () => {
    const stack = await start();
    const german: Target = { url: stack.url, cookie: `${stack.cookie}; livefolio-language=de` };
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${BINANCE_HEADER}\n`, 'utf16le')]);
    expect((await inLanguage(german, utf16, {})).message).toBe(
      'Die Datei ist UTF-16-Text, nicht UTF-8: speichern Sie sie als „CSV UTF-8“ (durch Kommas getrennt) und ' +
        'importieren Sie sie erneut.',
    );
    const binance = `${BINANCE_HEADER}\n"2025-01-06 09:15:02","BTCUSDT","BUY","94000.00","0.01BTC","940USDT","0BTC"`;
    expect((await inLanguage(german, binance, {}, '?format=kraken')).message).toBe(
      'Zeile 1: diese Datei hat das Format „Binance-Handelshistorie“, nicht „Kraken-Ledger-Export“: ' +
        'importieren Sie sie mit format=binance (oder auto).',
    );
  });

  it('[L6][P4] warns in German that Binance is not set up here, and books the file all the same', async () => {
    const stack = await start({ exchanges: ['coinbase'] });
    const post = async (headers: Record<string, string>) => {
      const res = await api(stack, '/api/v1/transactions.csv?format=binance', {
        method: 'POST',
        headers: { 'content-type': 'text/csv', ...headers },
        body: `${BINANCE_HEADER}\n"2025-01-06 09:15:02","BTCUSDT","BUY","94000.00","0.01BTC","940USDT","0.00001BTC"`,
      });
      const body = (await res.json()) as Loose;
      expect(res.status, JSON.stringify(body)).toBe(201);
      return body.warnings as string[];
    };
    expect((await post({ 'accept-language': 'de-DE' }))[0]).toMatch(
      /^Binance ist auf diesem Server nicht eingerichtet/,
    );
    expect((await post({}))[0]).toMatch(/^Binance is not configured on this server/);
  });
});
