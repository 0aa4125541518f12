import { describe, expect, it } from 'vitest';
import type { Stack, Target } from '../support/stack';
import { autoClose, send, signIn, startStack, waitFor } from '../support/stack';
import type { Loose } from '../support/stack';

const { start } = autoClose();
const BOB = { username: 'bob', password: 'bob-password-1' };
const DAY = 86_400_000;

const trade = (type: string, quantity: string, extra: Record<string, unknown> = {}) => ({
  type,
  asset: 'BTC',
  quantity,
  price: '50000',
  quoteCurrency: 'USDT',
  fee: '0',
  feeCurrency: 'USDT',
  time: '2026-01-02T10:00:00Z',
  ...extra,
});

const listAccounts = async (target: Target) =>
  (await send(target, 'GET', '/api/v1/accounts')).body.accounts as Loose[];
const create = async (target: Target, name: string) =>
  (await send(target, 'POST', '/api/v1/accounts', { name })).body.account as Loose;
const listTransactions = async (target: Target, query = '') =>
  (await send(target, 'GET', `/api/v1/transactions${query}`)).body.transactions as Loose[];

async function withBob(stack: Stack): Promise<Target> {
  await send(stack, 'POST', '/api/v1/users', BOB);
  return { url: stack.url, cookie: await signIn(stack.url, BOB) };
}

describe('accounts', () => {
  it('[P8] are listed oldest first with their transactions, created, renamed and deleted', async () => {
    const stack = await start();
    const [main] = await listAccounts(stack);
    expect(main).toEqual({
      id: expect.any(String),
      name: 'Main',
      kind: 'manual',
      createdAt: expect.any(Number),
      transactions: 0,
    });

    const created = await send(stack, 'POST', '/api/v1/accounts', { name: '  Ledger Nano  ' });
    expect(created.status).toBe(201);
    expect(created.body.account).toEqual({
      id: expect.any(String),
      name: 'Ledger Nano',
      kind: 'manual',
      createdAt: expect.any(Number),
      transactions: 0,
    });
    const ledger = created.body.account.id as string;
    await send(stack, 'POST', '/api/v1/transactions', trade('buy', '1'));
    await send(
      stack,
      'POST',
      '/api/v1/transactions',
      trade('transfer', '0.4', { toAccount: ledger, time: '2026-01-03T00:00:00Z' }),
    );
    expect((await listAccounts(stack)).map((a) => [a.name, a.transactions])).toEqual([
      ['Main', 2],
      ['Ledger Nano', 1],
    ]);
    expect((await send(stack, 'GET', `/api/v1/accounts/${ledger}`)).body.account).toMatchObject({
      name: 'Ledger Nano',
      transactions: 1,
    });

    const renamed = await send(stack, 'PATCH', `/api/v1/accounts/${ledger}`, { name: 'Cold wallet' });
    expect(renamed.body.account).toMatchObject({ id: ledger, name: 'Cold wallet', transactions: 1 });
    // Changing only the case of its own name is a rename like any other.
    expect((await send(stack, 'PATCH', `/api/v1/accounts/${ledger}`, { name: 'COLD WALLET' })).status).toBe(
      200,
    );

    const deleted = await send(stack, 'DELETE', `/api/v1/accounts/${ledger}`);
    expect(deleted.body).toEqual({ deleted: ledger, transactions: 1 });
    expect((await listAccounts(stack)).map((a) => [a.name, a.transactions])).toEqual([['Main', 1]]);
    expect((await send(stack, 'GET', `/api/v1/accounts/${ledger}`)).status).toBe(404);
  });

  it.each<[string, string, unknown, number, RegExp]>([
    ['an empty name', 'POST', { name: '   ' }, 400, /^name: must not be empty$/],
    ['a name too long', 'POST', { name: 'x'.repeat(61) }, 400, /^name: at most 60 characters$/],
    ['a name with a line break', 'POST', { name: 'a\nb' }, 400, /^name: must not contain line breaks/],
    ['a name that is not text', 'POST', { name: 5 }, 400, /^name: /],
    ['a kind, which is always manual here', 'POST', { name: 'Kraken', kind: 'exchange' }, 400, /kind/],
    ['a taken name, in any case', 'POST', { name: 'mAiN' }, 409, /already an account named "mAiN"/],
    ['a rename to an empty name', 'PATCH', { name: '' }, 400, /^name: must not be empty$/],
    ['a rename without a name', 'PATCH', {}, 400, /^name: /],
  ])('[P8] %s is refused and nothing changes', async (_what, method, body, status, message) => {
    const stack = await start();
    const [main] = await listAccounts(stack);
    const path = method === 'POST' ? '/api/v1/accounts' : `/api/v1/accounts/${main?.id as string}`;
    const res = await send(stack, method, path, body);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(message);
    expect(await listAccounts(stack)).toEqual([main]);
  });

  it('[P8] a rename to another account’s name, a 51st account and deleting the last one are conflicts', async () => {
    const stack = await start();
    const [main] = await listAccounts(stack);
    const kraken = await create(stack, 'Kraken');
    const taken = await send(stack, 'PATCH', `/api/v1/accounts/${kraken.id as string}`, { name: 'MAIN' });
    expect([taken.status, taken.body.error.code]).toEqual([409, 'CONFLICT']);

    for (let i = 2; i < 50; i++) await create(stack, `Wallet ${i}`);
    expect(await listAccounts(stack)).toHaveLength(50);
    const tooMany = await send(stack, 'POST', '/api/v1/accounts', { name: 'One more' });
    expect([tooMany.status, tooMany.body.error.message]).toEqual([409, expect.stringMatching(/at most 50/)]);
    expect(await listAccounts(stack)).toHaveLength(50);

    for (const account of (await listAccounts(stack)).slice(1))
      expect((await send(stack, 'DELETE', `/api/v1/accounts/${account.id as string}`)).status).toBe(200);
    const last = await send(stack, 'DELETE', `/api/v1/accounts/${main?.id as string}`);
    expect([last.status, last.body.error.code]).toEqual([409, 'CONFLICT']);
    expect(await listAccounts(stack)).toEqual([main]);
  });

  it('[L6][P8][P1] refusals in the request’s language', async () => {
    const stack = await start();
    const [main] = await listAccounts(stack);
    const german = { ...stack, cookie: `${stack.cookie}; livefolio-language=de` };
    const last = await send(german, 'DELETE', `/api/v1/accounts/${main?.id as string}`);
    expect(last.body.error.message).toBe(
      'Dies ist Ihr einziges Konto: Ein Portfolio behält mindestens eines.',
    );
    const nowhere = await send(
      german,
      'POST',
      '/api/v1/transactions',
      trade('buy', '1', { account: 'nope' }),
    );
    expect(nowhere.body.error.message).toBe('account: kein Konto "nope"');
    const english = await send(stack, 'POST', '/api/v1/transactions', trade('buy', '1', { account: 'nope' }));
    expect(english.body.error.message).toBe('account: no account "nope"');
    // A sell of more than the account holds (P2): the booking's refusal, worded with its figures.
    const short = trade('sell', '2', { time: '2026-02-01T00:00:00Z' });
    expect((await send(german, 'POST', '/api/v1/transactions', short)).body.error.message).toMatch(
      /^Transaktion \S+ \(sell von BTC am .*\): verlangt 2 BTC, aber im Konto "Main" sind zu diesem Zeitpunkt nur 0 BTC$/,
    );
    expect((await send(stack, 'POST', '/api/v1/transactions', short)).body.error.message).toMatch(
      /^Transaction \S+ \(sell of BTC at .*\): asks for 2 BTC but only 0 BTC is held in account "Main" at that time$/,
    );
  });

  it('[P2][P8] deleting an account is refused, changing nothing, when what remains would not add up', async () => {
    const stack = await start();
    const [main] = await listAccounts(stack);
    const ledger = await create(stack, 'Ledger');
    await send(stack, 'POST', '/api/v1/transactions', trade('buy', '1'));
    await send(
      stack,
      'POST',
      '/api/v1/transactions',
      trade('transfer', '1', { toAccount: ledger.id, time: '2026-01-03T00:00:00Z' }),
    );
    await send(
      stack,
      'POST',
      '/api/v1/transactions',
      trade('sell', '0.5', { account: ledger.id, time: '2026-01-04T00:00:00Z' }),
    );
    const before = await listTransactions(stack);

    // Without Main, its buy and the transfer go: Ledger's sell would sell what it never got.
    const refused = await send(stack, 'DELETE', `/api/v1/accounts/${main?.id as string}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(
      /\(sell of BTC .*\): asks for 0\.5 BTC but only 0 BTC is held in account "Ledger"/,
    );
    expect(await listTransactions(stack)).toEqual(before);
    expect(await listAccounts(stack)).toHaveLength(2);

    // Without Ledger, the transfer and the sell go, and Main holds its buy again.
    expect((await send(stack, 'DELETE', `/api/v1/accounts/${ledger.id as string}`)).body.transactions).toBe(
      2,
    );
    expect((await listTransactions(stack)).map((t) => t.type)).toEqual(['buy']);
    expect((await send(stack, 'GET', '/api/v1/portfolio')).body.assets[0].quantity).toBe('1');
  });

  it('[P8] a change of accounts is a change of the portfolio: the value history follows it', async () => {
    const stack = await start();
    await waitFor(() => stack.app.feeds.statuses()[0]?.markets !== 0, 10_000, 'markets');
    const ledger = await create(stack, 'Ledger');
    const time = new Date(Math.floor(Date.now() / DAY) * DAY - 3 * DAY).toISOString();
    await send(stack, 'POST', '/api/v1/transactions', trade('buy', '1', { account: ledger.id, time }));
    const backfill = async () =>
      (await send(stack, 'GET', '/api/v1/portfolio/history')).body.backfill as Loose;
    await waitFor(async () => (await backfill()).days === 3, 20_000, 'three days backfilled');
    await send(stack, 'DELETE', `/api/v1/accounts/${ledger.id as string}`);
    await waitFor(async () => (await backfill()).state === 'none', 20_000, 'the backfill of nothing');
  });

  it('[P8] every account route is rate limited like the rest of the API', async () => {
    const limited = await startStack({ env: { HTTP_RATE_LIMIT: '4' } });
    try {
      const statuses: number[] = [];
      for (const [method, body] of [
        ['GET'],
        ['POST', { name: 'A' }],
        ['POST', { name: 'B' }],
        ['PATCH', { name: 'C' }],
        ['DELETE'],
      ] as const)
        statuses.push(
          (
            await send(
              limited,
              method,
              method === 'GET' || method === 'POST' ? '/api/v1/accounts' : '/api/v1/accounts/x',
              body,
            )
          ).status,
        );
      // The sign-in took one request of the four.
      expect(statuses).toEqual([200, 201, 201, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('transactions in accounts', () => {
  it('[P1] go to the oldest account unless they name one; a filter lists an account’s, a transfer under both', async () => {
    const stack = await start();
    const [main] = await listAccounts(stack);
    const kraken = await create(stack, 'Kraken');
    const bought = await send(stack, 'POST', '/api/v1/transactions', trade('buy', '1'));
    expect(bought.body.transaction).toMatchObject({ account: main?.id });
    expect(bought.body.transaction).not.toHaveProperty('toAccount');
    const moved = await send(
      stack,
      'POST',
      '/api/v1/transactions',
      trade('transfer', '0.5', { toAccount: kraken.id, time: '2026-01-03T00:00:00Z' }),
    );
    expect(moved.body.transaction).toMatchObject({ account: main?.id, toAccount: kraken.id });
    await send(
      stack,
      'POST',
      '/api/v1/transactions',
      trade('sell', '0.2', { account: kraken.id, time: '2026-01-04T00:00:00Z' }),
    );

    expect((await listTransactions(stack, `?account=${main?.id as string}`)).map((t) => t.type)).toEqual([
      'buy',
      'transfer',
    ]);
    expect((await listTransactions(stack, `?account=${kraken.id as string}`)).map((t) => t.type)).toEqual([
      'transfer',
      'sell',
    ]);
    expect((await send(stack, 'GET', '/api/v1/transactions?account=nope')).status).toBe(404);
    expect((await send(stack, 'GET', '/api/v1/transactions?acount=x')).status).toBe(400);

    // A replacement that names no account stays where it was, and a transfer keeps its destination.
    const sell = (await listTransactions(stack, `?account=${kraken.id as string}`))[1] as Loose;
    const edited = await send(
      stack,
      'PUT',
      `/api/v1/transactions/${sell.id as string}`,
      trade('sell', '0.3', { time: '2026-01-04T00:00:00Z' }),
    );
    expect(edited.body.transaction).toMatchObject({ account: kraken.id, quantity: '0.3' });
    const transfer = moved.body.transaction as Loose;
    const kept = await send(
      stack,
      'PUT',
      `/api/v1/transactions/${transfer.id as string}`,
      trade('transfer', '0.6', { time: transfer.time }),
    );
    expect(kept.body.transaction).toMatchObject({ account: main?.id, toAccount: kraken.id, quantity: '0.6' });
  });

  it.each<[string, (ids: { main: string; kraken: string }) => Record<string, unknown>, RegExp]>([
    [
      'a transfer without a destination',
      () => trade('transfer', '0.1'),
      /^toAccount: required on a transfer/,
    ],
    [
      'a transfer into its own account',
      ({ main }) => trade('transfer', '0.1', { account: main, toAccount: main }),
      /^toAccount: must be another account than account$/,
    ],
    [
      'a transfer into the oldest account when it names none',
      ({ main }) => trade('transfer', '0.1', { toAccount: main }),
      /^toAccount: must be another account than account$/,
    ],
    [
      'a destination on a buy',
      ({ kraken }) => trade('buy', '0.1', { toAccount: kraken }),
      /^toAccount: only a transfer has one/,
    ],
    [
      'an account that does not exist',
      () => trade('buy', '0.1', { account: 'nope' }),
      /^account: no account "nope"$/,
    ],
    [
      'a destination that does not exist',
      () => trade('transfer', '0.1', { toAccount: 'nope' }),
      /^toAccount: no account "nope"$/,
    ],
    [
      'an account id that is not a string',
      () => trade('buy', '0.1', { account: 7 }),
      /^account: expected an account id/,
    ],
    [
      'a transfer above what its account holds',
      ({ kraken }) => trade('transfer', '2', { toAccount: kraken, time: '2026-02-01T00:00:00Z' }),
      /asks for 2 BTC but only 1 BTC is held in account "Main"/,
    ],
  ])('[P1][P2] %s is refused, naming the field, and nothing is stored', async (_what, body, message) => {
    const stack = await start();
    const [main] = await listAccounts(stack);
    const kraken = await create(stack, 'Kraken');
    await send(stack, 'POST', '/api/v1/transactions', trade('buy', '1'));
    const res = await send(
      stack,
      'POST',
      '/api/v1/transactions',
      body({ main: main?.id as string, kraken: kraken.id as string }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(await listTransactions(stack)).toHaveLength(1);
  });
});

describe('privacy of accounts', () => {
  it("[A7] one user can neither read, rename, delete, list, filter by, value nor book into another's account", async () => {
    const stack = await start();
    const bob = await withBob(stack);
    const [aliceMain] = await listAccounts(stack);
    const ledger = await create(stack, 'Ledger');
    await send(stack, 'POST', '/api/v1/transactions', trade('buy', '1', { account: ledger.id }));
    const id = ledger.id as string;
    const missing = 'no-such-account';

    for (const [method, path, body] of [
      ['GET', `/api/v1/accounts/${id}`],
      ['PATCH', `/api/v1/accounts/${id}`, { name: 'Mine now' }],
      ['DELETE', `/api/v1/accounts/${id}`],
      ['GET', `/api/v1/transactions?account=${id}`],
      ['GET', `/api/v1/portfolio?account=${id}`],
    ] as const) {
      const theirs = await send(bob, method, path, body);
      const none = await send(bob, method, path.replace(id, missing), body);
      // Exactly like an account that does not exist: same status, same words.
      expect({ path, status: theirs.status }).toEqual({ path, status: 404 });
      expect(theirs.body.error.message).toBe(none.body.error.message.replace(missing, id));
    }
    expect((await listAccounts(bob)).map((a) => a.name)).toEqual(['Main']);
    const into = await send(bob, 'POST', '/api/v1/transactions', trade('buy', '1', { account: id }));
    expect([into.status, into.body.error.message]).toEqual([400, `account: no account "${id}"`]);
    const bobMain = (await listAccounts(bob))[0]?.id as string;
    await send(bob, 'POST', '/api/v1/transactions', trade('buy', '1'));
    const away = await send(
      bob,
      'POST',
      '/api/v1/transactions',
      trade('transfer', '1', { account: bobMain, toAccount: aliceMain?.id }),
    );
    expect([away.status, away.body.error.message]).toEqual([
      400,
      `toAccount: no account "${aliceMain?.id as string}"`,
    ]);
    expect((await listTransactions(bob)).map((t) => t.type)).toEqual(['buy']);
    // Alice's account is as it was.
    expect((await listAccounts(stack)).map((a) => [a.name, a.transactions])).toEqual([
      ['Main', 0],
      ['Ledger', 1],
    ]);
  });
});

describe('holdings per account', () => {
  it('[P3] values each account with the same prices as the total, and answers for one account alone', async () => {
    const stack = await start({ tickMs: 100 });
    await waitFor(() => stack.app.feeds.statuses()[0]?.markets !== 0, 10_000, 'markets');
    const ledger = await create(stack, 'Ledger');
    await send(stack, 'POST', '/api/v1/transactions', trade('buy', '1', { price: '40000' }));
    await send(
      stack,
      'POST',
      '/api/v1/transactions',
      trade('buy', '1', { price: '60000', time: '2026-01-03T00:00:00Z' }),
    );
    // FIFO: the 40,000 lot moves; the fee of 0.01 BTC at 70,000 realizes 0.01 × 70,000 − 0.01 × 60,000 = 100.
    await send(
      stack,
      'POST',
      '/api/v1/transactions',
      trade('transfer', '1', {
        toAccount: ledger.id,
        price: '70000',
        fee: '0.01',
        feeCurrency: 'BTC',
        time: '2026-01-04T00:00:00Z',
      }),
    );
    await waitFor(() => stack.app.market.get('binance:BTC/USDT') !== undefined, 10_000, 'a BTC price');
    await stack.demo.faults.stall();
    const whole = (await send(stack, 'GET', '/api/v1/portfolio?method=fifo')).body;
    const btc = stack.app.market.get('binance:BTC/USDT')?.last as number;
    expect(whole.assets[0]).toMatchObject({
      asset: 'BTC',
      quantity: '1.99',
      costBasis: '99400',
      realizedPnl: '100',
    });
    expect(
      whole.accounts.map((a: Loose) => [
        a.name,
        a.kind,
        a.complete,
        a.totals.costBasis,
        a.totals.realizedPnl,
      ]),
    ).toEqual([
      ['Main', 'manual', true, '59400', '100'],
      ['Ledger', 'manual', true, '40000', '0'],
    ]);
    const [main, cold] = whole.accounts as Loose[];
    expect(Object.keys(main?.assets[0] ?? {}).sort()).toEqual([
      'allocation',
      'asset',
      'costBasis',
      'costUnknown',
      'marketValue',
      'quantity',
      'realizedPnl',
      'unrealizedPnl',
    ]);
    expect([main?.assets[0].quantity, cold?.assets[0].quantity]).toEqual(['0.99', '1']);
    // The same price for both: market values in proportion to the quantities, summing to the total.
    expect(Number(cold?.assets[0].marketValue)).toBeCloseTo(btc, 6);
    expect(Number(main?.totals.marketValue) + Number(cold?.totals.marketValue)).toBeCloseTo(
      Number(whole.totals.marketValue),
      6,
    );

    const alone = (await send(stack, 'GET', `/api/v1/portfolio?method=fifo&account=${ledger.id as string}`))
      .body;
    expect(alone.totals).toEqual(cold?.totals);
    expect(alone.assets).toEqual([
      expect.objectContaining({
        asset: 'BTC',
        quantity: '1',
        costBasis: '40000',
        priceSource: expect.objectContaining({ stream: 'binance:BTC/USDT' }),
      }),
    ]);
    expect(alone.accounts.map((a: Loose) => a.name)).toEqual(['Ledger']);
    expect((await send(stack, 'GET', '/api/v1/portfolio?account=nope')).status).toBe(404);
  });
});
