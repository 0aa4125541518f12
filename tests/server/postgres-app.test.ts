import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { startDemoExchange } from '../../server/feeds/demo';
import { createLogger } from '../../server/log';
import { freshSchema, postgresAvailable } from '../support/services';
import { logLines } from '../support/log-lines';
import { autoClose, send, waitFor } from '../support/stack';

const postgresUp = await postgresAvailable();
const { start } = autoClose();

/** A fresh schema's URL, with a password in it (trust authentication ignores it; the logs must not show it). */
async function databaseUrl(password: string): Promise<string> {
  const schema = await freshSchema();
  const url = new URL(schema.url);
  url.password = password;
  return url.toString();
}

// Where the server makes its secret key file: never the project's own ./data.
const scratchDir = () => mkdtempSync(join(tmpdir(), 'livefolio-'));

const buy = {
  type: 'buy',
  asset: 'BTC',
  quantity: '0.000000000000000001',
  price: '123456789.123456789',
  quoteCurrency: 'USDT',
  fee: '0',
  feeCurrency: 'USDT',
  time: '2024-01-02T03:04:05.000Z',
};

describe.skipIf(!postgresUp)('the server on PostgreSQL (DATABASE_URL)', () => {
  it('keeps a transaction and the session across a restart, and a second instance honours the session', async () => {
    const stack = await start({ env: { DATABASE_URL: await databaseUrl('not-shown-1') } });
    const added = await send(stack, 'POST', '/api/v1/transactions', buy);
    expect(added.status).toBe(201);

    await stack.restart();
    const listed = await send(stack, 'GET', '/api/v1/transactions');
    expect(listed.status).toBe(200);
    const [main] = (await send(stack, 'GET', '/api/v1/accounts')).body.accounts;
    expect(listed.body.transactions).toEqual([
      { ...buy, id: added.body.transaction.id, timeMs: 1704164645000, account: main.id },
    ]);

    // Another instance on the same database: the session (a row there) signs in on it too.
    const other = await start({ env: { DATABASE_URL: stack.config.DATABASE_URL } });
    const fromOther = await send({ url: other.url, cookie: stack.cookie }, 'GET', '/api/v1/transactions');
    expect(fromOther.body.transactions).toEqual(listed.body.transactions);
  });

  it('logs where the database is, never its password', async () => {
    const password = 'never-in-the-log-42';
    const { lines, sink } = logLines();
    const demo = await startDemoExchange({ seed: 3, tickMs: 50 });
    const url = await databaseUrl(password);
    const app = await createApp({
      config: loadConfig({ EXCHANGES: 'binance', DATABASE_URL: url, DATA_DIR: scratchDir() }),
      log: createLogger('trace', sink),
      exchanges: [{ id: 'binance', url: demo.url, simulated: true }],
    });
    try {
      await app.listen(0, '127.0.0.1');
      await waitFor(() => lines.some((l) => l.includes('database ready')), 5_000, 'the database logged');
      const ready = JSON.parse(lines.find((l) => l.includes('database ready')) ?? '{}') as Record<
        string,
        string
      >;
      expect(ready.engine).toBe('postgres');
      expect(ready.database).toBe(url.replace(`:${password}@`, '@'));
      expect(lines.join('\n')).not.toContain(password);
    } finally {
      await app.close();
      await demo.close();
    }
  });

  it('refuses to start on a database it cannot reach, naming it without the password', async () => {
    const config = loadConfig({
      EXCHANGES: 'binance',
      DATABASE_URL: 'postgres://lf:hidden-pw@127.0.0.1:1/none',
      DATA_DIR: scratchDir(),
    });
    const started = createApp({ config, log: createLogger('silent'), exchanges: [] });
    await expect(started).rejects.toThrow(
      /^could not open the database postgres:\/\/lf@127\.0\.0\.1:1\/none: /,
    );
    await expect(started).rejects.not.toThrow(/hidden-pw/);
  });
});
