import { describe, expect, it } from 'vitest';
import type { Target } from '../support/stack';
import { api, autoClose, signIn } from '../support/stack';

const { start } = autoClose();
const BOB = { username: 'bob', password: 'bob-password-1' };
const HEADER = 'time,type,asset,quantity,price,quote_currency,fee,fee_currency,exchange,note';
const EXPORT_HEADER = `${HEADER},account,to_account`;

const importCsv = (target: Target, csv: string, type = 'text/csv') =>
  api(target, '/api/v1/transactions.csv', { method: 'POST', headers: { 'content-type': type }, body: csv });

/** The target's transactions without ids, each account named by its name (ids differ between portfolios). */
async function transactions(target: Target): Promise<Array<Record<string, unknown>>> {
  const res = await api(target, '/api/v1/transactions');
  const body = (await res.json()) as { transactions: Array<Record<string, unknown>> };
  const listed = (await (await api(target, '/api/v1/accounts')).json()) as {
    accounts: Array<{ id: string; name: string }>;
  };
  const name = (id: unknown) => listed.accounts.find((a) => a.id === id)?.name ?? `unknown ${String(id)}`;
  return body.transactions.map(({ id: _id, account, toAccount, ...rest }) => ({
    ...rest,
    account: name(account),
    ...(toAccount === undefined ? {} : { toAccount: name(toAccount) }),
  }));
}

/** The target's portfolio, its accounts without their ids (which differ between portfolios). */
async function portfolio(target: Target, method: string) {
  const body = (await (await api(target, `/api/v1/portfolio?method=${method}`)).json()) as {
    accounts: Array<Record<string, unknown>>;
  };
  return { ...body, accounts: body.accounts.map(({ id: _id, ...rest }) => rest) };
}

describe('CSV import and export', () => {
  it('[P4] an export imports back to the same portfolio, notes with commas, quotes, newlines and formulas included', async () => {
    const stack = await start();
    const csv = [
      HEADER,
      '2026-01-01T09:00:00Z,deposit,USDT,1000,1,USDT,0,USDT,,opening balance',
      '2026-01-02T10:00:00Z,buy,BTC,0.015,60000.10,USDT,0.9,USDT,binance,"first buy, ""small"""',
      '2026-01-03T10:00:00+02:00,buy,BTC,0.01,58000,USDT,0.00001,BTC,,"two\nlines"',
      '2026-01-04T10:00:00Z,sell,BTC,0.012,65000,USDT,0.78,USDT,binance,"=HYPERLINK(""http://evil.example"")"',
    ].join('\n');
    const imported = await importCsv(stack, csv);
    expect(imported.status, await imported.clone().text()).toBe(201);
    expect(await imported.json()).toEqual({
      format: 'livefolio',
      imported: 4,
      skipped: 0,
      ignored: 0,
      warnings: [],
    });

    const exported = await api(stack, '/api/v1/transactions.csv');
    expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(exported.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.csv"/);
    const text = await exported.text();
    expect(text.split('\n')[0]).toBe(EXPORT_HEADER);
    // A spreadsheet would run the note as a formula; the export makes it text.
    expect(text).toContain(`'=HYPERLINK`);

    await api(stack, '/api/v1/users', { method: 'POST', body: JSON.stringify(BOB) });
    const bob: Target = { url: stack.url, cookie: await signIn(stack.url, BOB) };
    expect((await importCsv(bob, text)).status).toBe(201);
    expect(await transactions(bob)).toEqual(await transactions(stack));
    // Prices frozen, so both portfolios are valued at the same ones.
    await stack.demo.faults.stall();
    for (const method of ['fifo', 'average'])
      expect(await portfolio(bob, method)).toEqual(await portfolio(stack, method));
    expect((await transactions(bob)).find((t) => t.type === 'sell')?.note).toBe(
      '=HYPERLINK("http://evil.example")',
    );
  });

  it('[P4] a file with bad rows is refused whole, each bad line named, and nothing is stored', async () => {
    const stack = await start();
    const csv = [
      HEADER,
      '2026-01-02T10:00:00Z,buy,BTC,0.5,60000,USDT,0,USDT,,fine',
      '2026-01-02T11:00:00Z,buy,BTC,1e3,60000,USDT,0,USDT,,',
      '2026-01-02T12:00:00Z,buy,BTC,1,60000,USDT,0,USDT,,fine too',
      'yesterday,gift,btc,1,-5,USDT,0,USDT,,',
    ].join('\r\n');
    const res = await importCsv(stack, csv);
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/^Nothing was imported\. 2 lines are wrong:/);
    expect(error.message).toMatch(/\nline 3: quantity: /);
    const line5 = error.message.split('\n').find((l) => l.startsWith('line 5: ')) ?? '';
    for (const field of ['time', 'type', 'asset', 'price']) expect(line5).toContain(`${field}: `);
    expect(error.message).not.toMatch(/line [24]:/);
    expect(await transactions(stack)).toEqual([]);
  });

  it('[L6][P4] names the bad lines in German for Accept-Language de, in English without one', async () => {
    const stack = await start();
    const csv = [
      'time,type,asset,quantity,price,quote_currency,fee,fee_currency,to_account',
      '2026-01-02T10:00:00Z,buy,BTC,0.5,60000,USDT,0,USDT,Ledger',
    ].join('\n');
    const refusal = async (headers: Record<string, string>) => {
      const res = await api(stack, '/api/v1/transactions.csv', {
        method: 'POST',
        headers: { 'content-type': 'text/csv', ...headers },
        body: csv,
      });
      return ((await res.json()) as { error: { message: string } }).error.message;
    };
    expect(await refusal({ 'accept-language': 'de' })).toBe(
      'Es wurde nichts importiert. 1 Zeile ist fehlerhaft:\nZeile 2: to_account: nur eine Umbuchung hat ein Zielkonto',
    );
    expect(await refusal({})).toBe(
      'Nothing was imported. 1 line is wrong:\nline 2: to_account: only a transfer has one',
    );
    expect(await transactions(stack)).toEqual([]);
  });

  it('[P2][P4] an import that would sell more than is held names the line and stores nothing', async () => {
    const stack = await start();
    const csv = [
      HEADER,
      '2026-01-02T10:00:00Z,buy,ETH,2,3000,USDT,0,USDT,,',
      '2026-01-03T10:00:00Z,sell,ETH,2.5,3500,USDT,0,USDT,,',
    ].join('\n');
    const res = await importCsv(stack, csv);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /^Transaction on line 3 \(sell of ETH .*\): asks for 2\.5 ETH but only 2 ETH is held/,
    );
    expect(await transactions(stack)).toEqual([]);
  });

  it.each([
    ['an empty file', '', 400, /empty/],
    ['only a header', HEADER, 400, /line 2: no transactions/],
    ['an unknown column', `${HEADER},colour\n`, 400, /line 1: unknown column colour/],
    [
      'a missing column',
      'time,type,asset,quantity,price\n',
      400,
      /line 1: missing columns quote_currency, fee, fee_currency/,
    ],
    [
      'an unclosed quote',
      `${HEADER}\n2026-01-02T10:00:00Z,buy,BTC,1,1,USDT,0,USDT,,"open`,
      400,
      /line \d+: not valid CSV/,
    ],
    [
      'a row with a missing cell',
      `${HEADER}\n2026-01-02T10:00:00Z,buy,BTC,1,1,USDT,0,USDT,`,
      400,
      /line 2: not valid CSV/,
    ],
  ])('[P4] %s is refused with a clear message', async (_name, csv, status, message) => {
    const stack = await start();
    const res = await importCsv(stack, csv);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
    expect(await transactions(stack)).toEqual([]);
  });

  it('[A8] an import must say it is CSV, and may be at most 2 MiB', async () => {
    const stack = await start();
    expect((await importCsv(stack, `${HEADER}\n`, 'application/json')).status).toBe(415);
    const huge = `${HEADER}\n${'2026-01-02T10:00:00Z,buy,BTC,1,1,USDT,0,USDT,,'.padEnd(200, 'x')}\n`.repeat(
      11_000,
    );
    const res = await importCsv(stack, huge);
    expect(res.status).toBe(413);
    expect(await transactions(stack)).toEqual([]);
  });
});

describe('CSV with accounts', () => {
  const ACCOUNTS_HEADER = `${HEADER},account,to_account`;
  const accounts = async (target: Target) =>
    ((await (await api(target, '/api/v1/accounts')).json()) as { accounts: Array<Record<string, unknown>> })
      .accounts;
  const message = async (res: Response) =>
    ((await res.json()) as { error: { message: string } }).error.message;

  it('[P4][P8] accounts travel by name: an import creates the missing ones, and an export imports back to the same portfolio', async () => {
    const stack = await start();
    const csv = [
      ACCOUNTS_HEADER,
      '2026-01-01T09:00:00Z,deposit,BTC,1,40000,USDT,0,USDT,,,,',
      '2026-01-02T10:00:00Z,buy,BTC,0.5,60000,USDT,1,USDT,binance,,Kraken,',
      '2026-01-03T10:00:00Z,transfer,BTC,0.6,61000,USDT,0.001,BTC,,to the wallet,MAIN,Ledger Nano',
      '2026-01-04T10:00:00Z,transfer,BTC,0.5,62000,USDT,2,USDT,,,kraken,ledger nano',
      '2026-01-05T10:00:00Z,sell,BTC,0.7,65000,USDT,0,USDT,,,Ledger Nano,',
      '2026-01-06T10:00:00Z,buy,ETH,1,3000,USDT,0,USDT,,,=Cold,',
    ].join('\n');
    const imported = await importCsv(stack, csv);
    expect(imported.status, await imported.clone().text()).toBe(201);
    // Names match regardless of case; the first spelling names a new account.
    expect((await accounts(stack)).map((a) => [a.name, a.kind, a.transactions])).toEqual([
      ['Main', 'manual', 2],
      ['Kraken', 'manual', 2],
      ['Ledger Nano', 'manual', 3],
      ['=Cold', 'manual', 1],
    ]);

    const text = await (await api(stack, '/api/v1/transactions.csv')).text();
    // A name a spreadsheet would run as a formula is made text, like a note.
    expect(text).toContain(",'=Cold,");
    expect(text.split('\n')[3]).toMatch(/,to the wallet,Main,Ledger Nano$/);

    await api(stack, '/api/v1/users', { method: 'POST', body: JSON.stringify(BOB) });
    const bob: Target = { url: stack.url, cookie: await signIn(stack.url, BOB) };
    expect((await importCsv(bob, text)).status).toBe(201);
    expect(await transactions(bob)).toEqual(await transactions(stack));
    expect((await accounts(bob)).map((a) => [a.name, a.transactions])).toEqual(
      (await accounts(stack)).map((a) => [a.name, a.transactions]),
    );
    await stack.demo.faults.stall();
    for (const method of ['fifo', 'lifo', 'hifo', 'average'])
      expect(await portfolio(bob, method)).toEqual(await portfolio(stack, method));
  });

  it('[P4][P8] each wrong account cell names its line and column, and nothing is stored or created', async () => {
    const stack = await start();
    const csv = [
      ACCOUNTS_HEADER,
      '2026-01-02T10:00:00Z,buy,BTC,1,60000,USDT,0,USDT,,,New One,',
      '2026-01-02T11:00:00Z,buy,BTC,1,60000,USDT,0,USDT,,,Main,Ledger',
      '2026-01-02T12:00:00Z,transfer,BTC,1,60000,USDT,0,USDT,,,Main,',
      '2026-01-02T13:00:00Z,transfer,BTC,1,60000,USDT,0,USDT,,,Ledger,LEDGER',
      `2026-01-02T14:00:00Z,buy,BTC,1,60000,USDT,0,USDT,,,${'x'.repeat(61)},`,
      '2026-01-02T15:00:00Z,buy,BTC,1,60000,USDT,0,USDT,,,"two\nlines",',
    ].join('\n');
    const res = await importCsv(stack, csv);
    expect(res.status).toBe(400);
    const lines = (await message(res)).split('\n');
    expect(lines[0]).toBe('Nothing was imported. 5 lines are wrong:');
    expect(lines.slice(1)).toEqual([
      'line 3: to_account: only a transfer has one',
      'line 4: to_account: required on a transfer (the account it goes to)',
      'line 5: to_account: must be another account than account',
      'line 6: account: at most 60 characters',
      // A quoted line break: the parser names the line where the row ends.
      'line 8: account: must not contain line breaks, tabs or control characters',
    ]);
    expect(await transactions(stack)).toEqual([]);
    expect((await accounts(stack)).map((a) => a.name)).toEqual(['Main']);
  });

  it('[P2][P4][P8] a file whose history does not add up in its accounts creates none of them', async () => {
    const stack = await start();
    const csv = [
      ACCOUNTS_HEADER,
      '2026-01-02T10:00:00Z,buy,BTC,1,60000,USDT,0,USDT,,,Kraken,',
      // Ledger holds nothing yet: the transfer went the other way.
      '2026-01-03T10:00:00Z,transfer,BTC,1,60000,USDT,0,USDT,,,Ledger,Kraken',
    ].join('\n');
    const res = await importCsv(stack, csv);
    expect(res.status).toBe(400);
    expect(await message(res)).toMatch(
      /^Transaction on line 3 \(transfer of BTC .*\): asks for 1 BTC but only 0 BTC is held in account "Ledger"/,
    );
    expect((await accounts(stack)).map((a) => a.name)).toEqual(['Main']);
    // An empty account is the oldest, which cannot also be the destination.
    const into = `${ACCOUNTS_HEADER}\n2026-01-02T10:00:00Z,transfer,BTC,1,1,USDT,0,USDT,,,,main`;
    const refused = await importCsv(stack, into);
    expect(refused.status).toBe(400);
    expect(await message(refused)).toBe('line 2: to_account: must be another account than account');
  });

  it('[P4][P8] an import that would pass 50 accounts is refused and creates none', async () => {
    const stack = await start();
    const rows = Array.from(
      { length: 50 },
      (_, i) => `2026-01-02T10:00:00Z,buy,BTC,1,60000,USDT,0,USDT,,,Wallet ${i},`,
    );
    const res = await importCsv(stack, [ACCOUNTS_HEADER, ...rows].join('\n'));
    expect(res.status).toBe(409);
    expect(await message(res)).toMatch(/at most 50/);
    expect((await accounts(stack)).map((a) => a.name)).toEqual(['Main']);
    expect(await transactions(stack)).toEqual([]);
  });
});
