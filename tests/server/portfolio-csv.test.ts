import { describe, expect, it } from 'vitest';
import type { Target } from '../support/stack';
import { api, autoClose, signIn } from '../support/stack';

const { start } = autoClose();
const BOB = { username: 'bob', password: 'bob-password-1' };
const HEADER = 'time,type,asset,quantity,price,quote_currency,fee,fee_currency,exchange,note';

const importCsv = (target: Target, csv: string, type = 'text/csv') =>
  api(target, '/api/v1/transactions.csv', { method: 'POST', headers: { 'content-type': type }, body: csv });

async function transactions(target: Target) {
  const res = await api(target, '/api/v1/transactions');
  const body = (await res.json()) as { transactions: Array<Record<string, unknown>> };
  return body.transactions.map(({ id: _id, ...rest }) => rest);
}

async function portfolio(target: Target, method: string) {
  return (await (await api(target, `/api/v1/portfolio?method=${method}`)).json()) as Record<string, unknown>;
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
    expect(await imported.json()).toEqual({ imported: 4 });

    const exported = await api(stack, '/api/v1/transactions.csv');
    expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(exported.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.csv"/);
    const text = await exported.text();
    expect(text.split('\n')[0]).toBe(HEADER);
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
