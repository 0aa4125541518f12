import { readFileSync, existsSync } from 'node:fs';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../lib/portfolio/decimal';
import {
  DEMO_BINANCE_KEY,
  DEMO_BINANCE_SECRET,
  DEMO_BINANCE_TRADING_KEY,
  DEMO_BINANCE_TRADING_SECRET,
} from '../../../server/feeds/demo/binance-account';
import { logLines } from '../../support/log-lines';
import type { Stack, Target } from '../../support/stack';
import { api, autoClose, send, signIn, waitFor } from '../../support/stack';
import type { Loose } from '../../support/stack';

const { start } = autoClose();
const BOB = { username: 'bob', password: 'bob-password-1' };
const NO_SCHEDULE = { env: { SYNC_INTERVAL_MINUTES: '0' } };

const connect = (target: Target, extra: Record<string, unknown> = {}) =>
  send(target, 'POST', '/api/v1/connections', {
    exchange: 'binance',
    name: 'Binance main',
    apiKey: DEMO_BINANCE_KEY,
    secret: DEMO_BINANCE_SECRET,
    ...extra,
  });

/** The connection once its sync has ended (waits on its state, polled as the UI does). */
async function settled(target: Target, id: string): Promise<Loose> {
  let connection: Loose = {};
  await waitFor(
    async () => {
      connection = (await send(target, 'GET', `/api/v1/connections/${id}`)).body.connection as Loose;
      return connection.state !== 'syncing';
    },
    60_000,
    'the sync to end',
  );
  return connection;
}

async function connected(stack: Stack): Promise<Loose> {
  const added = await connect(stack);
  expect(added.status).toBe(201);
  return settled(stack, added.body.connection.id as string);
}

async function syncAgain(stack: Stack, id: string): Promise<Loose> {
  const asked = await send(stack, 'POST', `/api/v1/connections/${id}/sync`, {});
  expect(asked.status).toBe(202);
  return settled(stack, id);
}

const transactionsOf = async (target: Target, account: string) =>
  (await send(target, 'GET', `/api/v1/transactions?account=${account}`)).body.transactions as Loose[];

/** The account's holdings by asset, priced or not. */
async function holdings(target: Target, account: string): Promise<Map<string, string>> {
  const portfolio = (await send(target, 'GET', `/api/v1/portfolio?account=${account}`)).body;
  const held = new Map<string, string>();
  for (const a of [...portfolio.assets, ...portfolio.unpriced] as Loose[])
    if (a.quantity !== '0') held.set(a.asset, a.quantity);
  return held;
}

describe('exchange connections', () => {
  it('[P9] a read-only key syncs the account: its holdings equal the balances, one flagged opening balance explains the gap, a second sync adds nothing', async () => {
    const stack = await start(NO_SCHEDULE);
    const done = await connected(stack);
    expect(done).toMatchObject({
      exchange: 'binance',
      account: { name: 'Binance main' },
      keyHint: `••••${DEMO_BINANCE_KEY.slice(-4)}`,
      permissions: { read: true, trade: false, withdraw: false },
      warnings: [],
      state: 'ok',
      lastError: null,
      progress: null,
    });
    expect(done.lastResult.added).toBeGreaterThan(300);
    expect(done.lastResult.adjustments).toBe(1);
    const account = done.account.id as string;
    expect(Object.fromEntries(await holdings(stack, account))).toEqual(stack.demo.account.balances());

    // Cash is worth 1 of itself; what came from the opening balance is shown as of unknown cost.
    const portfolio = (await send(stack, 'GET', `/api/v1/portfolio?account=${account}`)).body;
    const asset = (name: string) =>
      ([...portfolio.assets, ...portfolio.unpriced] as Loose[]).find((a) => a.asset === name);
    expect(asset('USDT')).toMatchObject({ price: '1', priceSource: null, costUnknown: false });
    expect(asset('ARB')).toMatchObject({ quantity: '62.5', costBasis: '0', costUnknown: true });
    expect(asset('BTC')).toMatchObject({ costUnknown: false });

    const booked = await transactionsOf(stack, account);
    expect(booked).toHaveLength(done.lastResult.added + 1);
    // The gap: ARB held from before any record, flagged as of unknown cost, before the first transaction.
    const openings = booked.filter((t) => t.costUnknown === true);
    expect(openings).toEqual([
      expect.objectContaining({
        type: 'deposit',
        asset: 'ARB',
        quantity: '62.5',
        price: '0',
        externalId: 'opening:ARB',
      }),
    ]);
    expect(booked.indexOf(openings[0] as Loose)).toBe(0);
    // Every deposit, withdrawal and fill is there once, under the exchange's own id.
    const ids = new Set(booked.map((t) => t.externalId));
    for (const d of stack.demo.account.deposits()) expect(ids).toContain(`deposit:${d.id}`);
    for (const w of stack.demo.account.withdrawals()) expect(ids).toContain(`withdrawal:${w.id}`);
    for (const t of stack.demo.account.trades()) expect(ids).toContain(`trade:${t.symbol}:${t.id}`);
    // Income from Binance's asset-dividend record: each row once, as the type its enInfo names, at its minute's value.
    const TYPES: Record<string, string> = {
      'Simple Earn Flexible Interest': 'interest',
      'SOL Staking Rewards': 'staking',
      'OP Airdrop': 'airdrop',
      'Cash Voucher': 'income',
    };
    const rows = stack.demo.account.dividends();
    expect(rows.length).toBeGreaterThan(100);
    for (const d of rows) {
      const t = booked.find((b) => b.externalId === `${TYPES[d.enInfo]}:${d.id}`);
      expect(t).toMatchObject({ asset: d.asset, quantity: new Decimal(d.amount).toFixed() });
      expect(t?.costUnknown ?? false).toBe(false);
      expect(t?.note).toContain(d.enInfo);
      expect(Number(t?.price)).toBeGreaterThan(0);
    }

    const again = await syncAgain(stack, done.id as string);
    expect(again).toMatchObject({ state: 'ok', lastResult: { added: 0, adjustments: 1 } });
    expect(await transactionsOf(stack, account)).toHaveLength(booked.length);

    // Something new on the exchange: the next sync books exactly it, from the cursors.
    const trade = stack.demo.account.addTrade({ symbol: 'SOL/USDT', side: 'buy', amount: '2' });
    const third = await syncAgain(stack, done.id as string);
    const legs = trade.commissionAsset === 'SOL' ? 2 : 3;
    expect(third.lastResult).toMatchObject({ added: legs, adjustments: 1 });
    expect(Object.fromEntries(await holdings(stack, account))).toEqual(stack.demo.account.balances());

    // A reward credited and one debited: the next sync books the one as interest and the other as coins leaving.
    const credit = stack.demo.account.addDividend({ asset: 'BNB', amount: '0.0125', enInfo: 'BNB Vault' });
    const debit = stack.demo.account.addDividend({
      asset: 'OP',
      amount: '10',
      enInfo: 'OP Airdrop correction',
      direction: -1,
    });
    const fourth = await syncAgain(stack, done.id as string);
    expect(fourth.lastResult).toMatchObject({ added: 2, adjustments: 1 });
    const latest = await transactionsOf(stack, account);
    expect(latest.find((t) => t.externalId === `interest:${credit.id}`)).toMatchObject({ type: 'interest' });
    expect(latest.find((t) => t.externalId === `withdrawal:dividend-${debit.id}`)).toMatchObject({
      type: 'withdrawal',
      asset: 'OP',
      quantity: '10',
    });
    expect(Object.fromEntries(await holdings(stack, account))).toEqual(stack.demo.account.balances());
  }, 120_000);

  it('[P9] a trade between two other currencies is valued in the home currency, and a BNB fee is a disposal', async () => {
    const stack = await start(NO_SCHEDULE);
    const done = await connected(stack);
    const booked = await transactionsOf(stack, done.account.id as string);
    const ethBtc = stack.demo.account.trades('ETH/BTC')[0] as Loose;
    const legs = booked.filter((t) => (t.externalId as string).startsWith(`trade:ETH/BTC:${ethBtc.id}`));
    const base = legs.find((t) => t.externalId === `trade:ETH/BTC:${ethBtc.id}`) as Loose;
    const quote = legs.find((t) => t.externalId === `trade:ETH/BTC:${ethBtc.id}:quote`) as Loose;
    expect(base).toMatchObject({ asset: 'ETH', quoteCurrency: 'USDT', type: ethBtc.side });
    expect(quote).toMatchObject({
      asset: 'BTC',
      quoteCurrency: 'USDT',
      type: ethBtc.side === 'buy' ? 'sell' : 'buy',
    });
    // ETH's value is the trade's price times BTC's value that minute: both sides worth the same.
    const ethValue = Number(base.quantity) * Number(base.price);
    const btcValue = Number(quote.quantity) * Number(quote.price);
    expect(Math.abs(ethValue - btcValue) / ethValue).toBeLessThan(0.01);
    const bnbFees = booked.filter((t) => (t.externalId as string).endsWith(':fee'));
    expect(bnbFees.length).toBeGreaterThan(0);
    for (const fee of bnbFees) expect(fee).toMatchObject({ asset: 'BNB', type: 'sell' });
    expect(Number(bnbFees[0]?.price)).toBeGreaterThan(0);
  }, 120_000);

  it('[P9] a refused key stores nothing and says what to do; a key that can trade and withdraw is stored with warnings', async () => {
    const stack = await start(NO_SCHEDULE);
    const refused = await connect(stack, { secret: `${DEMO_BINANCE_SECRET.slice(0, -1)}x` });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/refused the API key/);
    expect(JSON.stringify(refused.body)).not.toContain(DEMO_BINANCE_SECRET.slice(0, 20));
    const unknown = await connect(stack, { apiKey: 'A'.repeat(64) });
    expect(unknown.status).toBe(400);
    expect((await send(stack, 'GET', '/api/v1/connections')).body.connections).toEqual([]);
    const names = ((await send(stack, 'GET', '/api/v1/accounts')).body.accounts as Loose[]).map(
      (a) => a.name,
    );
    expect(names).toEqual(['Main']);

    const trading = await connect(stack, {
      name: 'Trading key',
      apiKey: DEMO_BINANCE_TRADING_KEY,
      secret: DEMO_BINANCE_TRADING_SECRET,
    });
    expect(trading.status).toBe(201);
    expect(trading.body.connection.permissions).toEqual({ read: true, trade: true, withdraw: true });
    expect(trading.body.connection.warnings).toEqual([
      expect.stringMatching(/can withdraw funds/),
      expect.stringMatching(/can trade/),
    ]);
  }, 60_000);

  it('[P9] bad requests are refused with the field named', async () => {
    const stack = await start(NO_SCHEDULE);
    const cases: Array<[Record<string, unknown>, RegExp, number]> = [
      [{ exchange: 'nope' }, /not a ccxt exchange id/, 404],
      [{ exchange: 'Binance' }, /exchange: expected a ccxt exchange id/, 400],
      [{ apiKey: '' }, /apiKey: must not be empty/, 400],
      [{ apiKey: 'has space inside' }, /apiKey: holds a character/, 400],
      [{ secret: 'x'.repeat(5000) }, /secret: at most 4096/, 400],
      [{ name: '' }, /name: must not be empty/, 400],
      [{ name: 'Main' }, /already an account named "Main"/, 409],
      [{ extra: 1 }, /extra/, 400],
    ];
    for (const [change, message, status] of cases) {
      const answer = await connect(stack, change);
      expect(answer.status, JSON.stringify(change).slice(0, 60)).toBe(status);
      expect(answer.body.error.message).toMatch(message);
    }
    expect((await send(stack, 'GET', '/api/v1/connections')).body.connections).toEqual([]);
  }, 60_000);

  it('[P9][L6] refusals in the request’s language: German for a German browser or the language cookie, English without', async () => {
    const stack = await start(NO_SCHEDULE);
    const refusal = async (
      method: string,
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
      target: Target = stack,
    ) => {
      const res = await api(target, path, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, message: ((await res.json()) as Loose).error.message as string };
    };
    const refusedKey = {
      exchange: 'binance',
      name: 'Binance main',
      apiKey: DEMO_BINANCE_KEY,
      secret: `${DEMO_BINANCE_SECRET.slice(0, -1)}x`,
    };
    const german = await refusal('POST', '/api/v1/connections', refusedKey, { 'accept-language': 'de-DE' });
    expect(german.status).toBe(400);
    expect(german.message).toMatch(/^Binance hat den API-Schlüssel abgelehnt: Prüfen Sie/);
    expect((await refusal('POST', '/api/v1/connections', refusedKey)).message).toMatch(
      /^Binance refused the API key: check that key and secret/,
    );

    const unknown = { ...refusedKey, exchange: 'nope' };
    expect(await refusal('POST', '/api/v1/connections', unknown, { 'accept-language': 'de' })).toEqual({
      status: 404,
      message: 'unbekannte Börse „nope“: keine ccxt-Börsen-ID (z. B. binance, kraken, coinbase)',
    });
    const saved: Target = { url: stack.url, cookie: `${stack.cookie ?? ''}; livefolio-language=de` };
    expect(await refusal('GET', '/api/v1/connections/nope', undefined, {}, saved)).toEqual({
      status: 404,
      message: 'Keine Börsenverbindung „nope“.',
    });
    expect(await refusal('GET', '/api/v1/connections/nope')).toEqual({
      status: 404,
      message: 'No exchange connection "nope".',
    });
  }, 60_000);

  it('[P9][A7] another user can neither see, sync nor remove a connection, nor see its account', async () => {
    const stack = await start(NO_SCHEDULE);
    const done = await connected(stack);
    await send(stack, 'POST', '/api/v1/users', BOB);
    const bob: Target = { url: stack.url, cookie: await signIn(stack.url, BOB) };
    expect((await send(bob, 'GET', '/api/v1/connections')).body.connections).toEqual([]);
    for (const [method, path, body] of [
      ['GET', `/api/v1/connections/${done.id}`, undefined],
      ['POST', `/api/v1/connections/${done.id}/sync`, {}],
      ['DELETE', `/api/v1/connections/${done.id}`, undefined],
      ['GET', `/api/v1/transactions?account=${done.account.id}`, undefined],
    ] as const) {
      const answer = await send(bob, method, path, body);
      expect(answer.status, `${method} ${path}`).toBe(404);
    }
    expect((await send(stack, 'GET', `/api/v1/connections/${done.id}`)).body.connection.state).toBe('ok');
    expect((await send(stack, 'GET', '/api/v1/connections', undefined)).status).toBe(200);
    expect((await send({ url: stack.url }, 'GET', '/api/v1/connections')).status).toBe(401);
  }, 60_000);

  it('[P9] keys are sealed at rest: the database files, the answers and the log hold no key or secret', async () => {
    const { lines, sink } = logLines();
    const stack = await start({ ...NO_SCHEDULE, log: pino({ level: 'debug' }, sink) });
    const done = await connected(stack);
    const listed = JSON.stringify((await send(stack, 'GET', '/api/v1/connections')).body);
    const csv = await (
      await fetch(`${stack.url}/api/v1/transactions.csv`, { headers: { cookie: stack.cookie } })
    ).text();
    const metrics = await (await fetch(`${stack.url}/metrics`)).text();
    expect(metrics).toContain('livefolio_exchange_syncs_total{exchange="binance",outcome="ok"} 1');
    const files = [stack.databaseFile, `${stack.databaseFile}-wal`].filter(existsSync);
    const stored = files.map((f) => readFileSync(f).toString('latin1')).join('');
    expect(stored).toContain('exchange_connections');
    for (const secret of [DEMO_BINANCE_KEY, DEMO_BINANCE_SECRET]) {
      const part = secret.slice(8, 40);
      expect(stored).not.toContain(part);
      expect(listed).not.toContain(part);
      expect(csv).not.toContain(part);
      expect(metrics).not.toContain(part);
      expect(lines.join('\n')).not.toContain(part);
    }
    expect(lines.some((line) => line.includes('exchange synced'))).toBe(true);
    expect(done.keyHint).toBe(`••••${DEMO_BINANCE_KEY.slice(-4)}`);
  }, 60_000);

  it('[P9] an exchange that falls over half-way writes nothing and says so; the next sync completes', async () => {
    const stack = await start(NO_SCHEDULE);
    stack.demo.account.faults.downAfter(30);
    const failed = await connected(stack);
    expect(failed.state).toBe('error');
    expect(failed.lastError).toMatchObject({
      code: 'EXCHANGE_UNAVAILABLE',
      message: expect.stringMatching(/nothing was changed/),
    });
    expect(failed.lastResult).toBeNull();
    expect(await transactionsOf(stack, failed.account.id as string)).toEqual([]);

    stack.demo.account.faults.down(false);
    const done = await syncAgain(stack, failed.id as string);
    expect(done).toMatchObject({ state: 'ok', lastError: null });
    expect(Object.fromEntries(await holdings(stack, done.account.id as string))).toEqual(
      stack.demo.account.balances(),
    );
  }, 120_000);

  it('[P9][P2] a history that contradicts one entered by hand is refused whole, naming what conflicts', async () => {
    const stack = await start(NO_SCHEDULE);
    // BTC quoted in GBP, a currency none of the exchange's markets can convert the synced USDT trades into.
    const manual = await send(stack, 'POST', '/api/v1/transactions', {
      type: 'buy',
      asset: 'BTC',
      quantity: '0.1',
      price: '50000',
      quoteCurrency: 'GBP',
      fee: '0',
      feeCurrency: 'GBP',
      time: '2025-01-02T10:00:00Z',
    });
    expect(manual.status).toBe(201);
    const failed = await connected(stack);
    expect(failed.lastError).toMatchObject({
      code: 'HISTORY_CONFLICT',
      message: expect.stringMatching(
        /BTC is quoted in GBP.*one quote currency per asset.*change or delete the transactions/,
      ),
    });
    expect(await transactionsOf(stack, failed.account.id as string)).toEqual([]);
    expect((await send(stack, 'GET', '/api/v1/transactions')).body.transactions).toHaveLength(1);
  }, 60_000);

  it('[P9] a rate limit and garbage from the exchange fail the sync with their own message, the portfolio intact', async () => {
    const stack = await start(NO_SCHEDULE);
    const done = await connected(stack);
    const account = done.account.id as string;
    const before = await transactionsOf(stack, account);
    stack.demo.account.addTrade({ symbol: 'BTC/USDT', side: 'buy', amount: '0.01' });

    for (const [kind, detail] of [
      ['negative-fee', /must not be negative/],
      ['absurd-amount', /absurdly large/],
      ['unknown-currency', /not a currency code/],
    ] as const) {
      stack.demo.account.faults.garbage(kind);
      const spoilt = await syncAgain(stack, done.id as string);
      expect(spoilt.lastError).toMatchObject({
        code: 'BAD_EXCHANGE_DATA',
        message: expect.stringMatching(detail),
      });
      expect(await transactionsOf(stack, account)).toHaveLength(before.length);
    }
    stack.demo.account.faults.rateLimit(30);
    const limited = await syncAgain(stack, done.id as string);
    expect(limited.lastError).toMatchObject({ code: 'RATE_LIMITED' });
    expect(limited.lastSuccessAt).toBe(done.lastSuccessAt);
    expect(await transactionsOf(stack, account)).toHaveLength(before.length);
  }, 120_000);

  it('[P9] an asset-dividend row that cannot be right fails the sync, naming it; a window of over 500 rows is paged', async () => {
    const stack = await start(NO_SCHEDULE);
    const done = await connected(stack);
    const account = done.account.id as string;
    const before = await transactionsOf(stack, account);
    for (const [kind, detail] of [
      ['negative-amount', /asset-dividend row .*amount is not a positive amount/],
      ['no-time', /asset-dividend row .*divTime/],
      ['unknown-asset', /asset-dividend row .*asset is not a currency code/],
    ] as const) {
      stack.demo.account.faults.dividendGarbage(kind);
      const spoilt = await syncAgain(stack, done.id as string);
      expect(spoilt.lastError).toMatchObject({
        code: 'BAD_EXCHANGE_DATA',
        message: expect.stringMatching(detail),
      });
      expect(await transactionsOf(stack, account)).toHaveLength(before.length);
    }

    // More rows in one window than Binance answers at once (500, no offset): the sync pages back by divTime.
    const now = Date.now();
    const added = Array.from({ length: 620 }, (_, n) =>
      stack.demo.account.addDividend({
        asset: 'USDT',
        amount: '0.01',
        enInfo: 'Simple Earn Flexible Interest',
        time: now - (620 - n) * 500_000,
      }),
    );
    const paged = await syncAgain(stack, done.id as string);
    expect(paged).toMatchObject({ state: 'ok', lastResult: { added: 620 } });
    const ids = new Set((await transactionsOf(stack, account)).map((t) => t.externalId));
    for (const d of added) expect(ids).toContain(`interest:${d.id}`);
    expect(Object.fromEntries(await holdings(stack, account))).toEqual(stack.demo.account.balances());
  }, 120_000);

  it('[P9] "Sync now" is limited per user, and removing a connection keeps its account and transactions', async () => {
    const stack = await start(NO_SCHEDULE);
    const done = await connected(stack);
    for (let i = 0; i < 4; i += 1) await syncAgain(stack, done.id as string);
    await settled(stack, done.id as string);
    await syncAgain(stack, done.id as string);
    const refused = await send(stack, 'POST', `/api/v1/connections/${done.id}/sync`, {});
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toMatch(/Too many syncs/);

    const count = (await transactionsOf(stack, done.account.id as string)).length;
    const removed = await send(stack, 'DELETE', `/api/v1/connections/${done.id}`);
    expect(removed.body).toEqual({ deleted: done.id });
    expect((await send(stack, 'GET', '/api/v1/connections')).body.connections).toEqual([]);
    const account = (await send(stack, 'GET', `/api/v1/accounts/${done.account.id}`)).body.account;
    expect(account).toMatchObject({ name: 'Binance main', kind: 'manual', transactions: count });
  }, 120_000);
});
