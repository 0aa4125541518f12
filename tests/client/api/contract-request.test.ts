import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listConnections } from '../../../client/api/connections';
import { listAccounts } from '../../../client/api/portfolio-accounts';
import { fetchTaxReport } from '../../../client/api/reports';
import { listTokens } from '../../../client/api/tokens';
import { listTransactions } from '../../../client/api/transactions';
import { importTransactionsCsv } from '../../../client/api/transactions-csv';
import { listUsers } from '../../../client/api/users';
import { bookedTrade } from '../../support/fixtures';

/** A fetch that answers every request with `body` as JSON. */
function answering(body: unknown, status = 200) {
  vi.stubGlobal('fetch', () => Promise.resolve(Response.json(body, { status })));
}
afterEach(() => {
  vi.unstubAllGlobals();
});

const TOKEN = {
  id: 't1',
  name: 'Grafana',
  scope: 'read',
  hint: 'Ab3d',
  createdAt: 1_700_000_000_000,
  expiresAt: null,
  lastUsedAt: null,
};

describe('answers parsed with the contract', () => {
  it('[A9] takes a token list as the contract describes it, and refuses one that is not', async () => {
    answering({ tokens: [TOKEN] });
    expect(await listTokens()).toEqual({ ok: true, data: [TOKEN] });
    for (const bad of [
      { tokens: [{ ...TOKEN, scope: 'admin' }] },
      { tokens: [{ ...TOKEN, expiresAt: '2027' }] },
      [],
    ]) {
      answering(bad);
      expect(await listTokens()).toMatchObject({ ok: false, status: 200, code: 'BAD_ANSWER' });
    }
  });

  it('[A9] passes on the server error as it was sent', async () => {
    answering({ error: { code: 'UNAUTHORIZED', message: 'Sign in first.' } }, 401);
    expect(await listTokens()).toEqual({
      ok: false,
      status: 401,
      code: 'UNAUTHORIZED',
      message: 'Sign in first.',
    });
  });

  // One call per page module: a valid answer is taken whole, a wrong type in a field the contract names is not.
  const ACCOUNT = { id: 'a1', name: 'Main', kind: 'manual', createdAt: 1, transactions: 2 };
  const TRANSACTION = { id: 't1', ...bookedTrade('a1') };
  const CONNECTION = {
    id: 'c1',
    account: { id: 'a1', name: 'Binance' },
    exchange: 'binance',
    keyHint: 'abcd',
    permissions: { read: true, trade: false, withdraw: null },
    warnings: [],
    state: 'ok',
    progress: null,
    lastSyncAt: null,
    lastSuccessAt: null,
    nextSyncAt: null,
    lastError: null,
    lastResult: null,
    createdAt: 1,
  };
  const REPORT = {
    method: 'fifo',
    from: '2025-01-01T00:00:00.000Z',
    to: '2026-01-01T00:00:00.000Z',
    longTermDays: 365,
    notice: 'Not tax advice.',
    years: [],
    gains: [],
    income: [],
  };
  const IMPORT = { format: 'kraken', imported: 3, skipped: 1, ignored: 0, warnings: [] };
  const USER = { id: 1, username: 'ada', isAdmin: true };
  it.each([
    [
      'P8 accounts',
      () => listAccounts(),
      { accounts: [ACCOUNT] },
      [ACCOUNT],
      { accounts: [{ ...ACCOUNT, kind: 'x' }] },
    ],
    [
      'P1 transactions',
      () => listTransactions(),
      { transactions: [TRANSACTION] },
      [TRANSACTION],
      { transactions: [{ ...TRANSACTION, quantity: 1 }] },
    ],
    ['P4 CSV import', () => importTransactionsCsv('a,b'), IMPORT, IMPORT, { ...IMPORT, warnings: 'none' }],
    [
      'P9 connections',
      () => listConnections(),
      { connections: [CONNECTION] },
      [CONNECTION],
      { connections: [{ ...CONNECTION, state: 'done' }] },
    ],
    [
      'P10 tax report',
      () => fetchTaxReport({ period: { year: 2025 }, method: 'fifo', longTermDays: 365 }),
      REPORT,
      REPORT,
      { ...REPORT, longTermDays: '365' },
    ],
    ['A6 users', () => listUsers(), { users: [USER] }, [USER], { users: [{ ...USER, id: '1' }] }],
  ])(
    '[%s] takes the answer the contract describes and refuses a wrong type',
    async (_what, call, good, data, bad) => {
      answering(good);
      expect(await call()).toEqual({ ok: true, data });
      answering(bad);
      expect(await call()).toMatchObject({ ok: false, status: 200, code: 'BAD_ANSWER' });
    },
  );

  it('[P4] keeps refusing an import count that is not a whole number of rows', async () => {
    answering({ ...IMPORT, imported: 1.5 });
    expect(await importTransactionsCsv('a,b')).toMatchObject({ ok: false, code: 'BAD_ANSWER' });
  });

  // The dashboard's JavaScript budget (docs/performance-dashboard.md): the schemas' parser stays on the pages that
  // use it, and those pages' modules take no classic zod.
  it('keeps the contract parser out of the dashboard modules, and classic zod out of the contract pages', () => {
    const clients = resolve(__dirname, '../../../client/api');
    const imports = (file: string, seen = new Set<string>()): string[] => {
      if (seen.has(file)) return [];
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      const found = [...source.matchAll(/^import (?!type )[^;]*? from '([^']+)'/gm)].map((m) => m[1] ?? '');
      return found.flatMap((name) =>
        name.startsWith('.') && !name.endsWith('.json')
          ? [name, ...imports(`${join(dirname(file), name)}.ts`, seen)]
          : [name],
      );
    };
    const contractPages = new Set([
      'tokens.ts',
      'channels.ts',
      'contract-request.ts',
      'portfolio-accounts.ts',
      'transactions-csv.ts',
      'users.ts',
      'transactions.ts',
      'connections.ts',
      'reports.ts',
    ]);
    for (const name of readdirSync(clients)) {
      const used = imports(join(clients, name));
      if (contractPages.has(name)) expect(used, name).not.toContain('zod');
      else expect(used, name).not.toContain('zod/mini');
    }
  });
});
