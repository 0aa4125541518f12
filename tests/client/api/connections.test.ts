import { describe, expect, it, vi } from 'vitest';
import {
  addConnection,
  getConnection,
  listConnections,
  removeConnection,
  syncNow,
} from '../../../client/api/connections';
import { listAccounts } from '../../../client/api/portfolio-accounts';
import { DEMO_BINANCE_KEY, DEMO_BINANCE_SECRET } from '../../../server/feeds/demo/binance-account';
import { autoClose } from '../../support/stack';
import { browserFetch } from '../../support/browser-fetch';

const { start } = autoClose();

/** A fetch that answers every request with `body` as JSON. */
function answering(body: unknown, status = 200) {
  vi.stubGlobal('fetch', () => Promise.resolve(Response.json(body, { status })));
}

const CONNECTION = {
  id: 'c1',
  account: { id: 'a1', name: 'Binance' },
  exchange: 'binance',
  keyHint: '••••abcd',
  permissions: { read: true, trade: false, withdraw: null },
  warnings: [],
  state: 'syncing',
  progress: { step: 'trades', done: 3, total: 12 },
  lastSyncAt: null,
  lastSuccessAt: null,
  nextSyncAt: 1_700_000_900_000,
  lastError: null,
  lastResult: null,
  createdAt: 1_700_000_000_000,
};

describe('the browser’s exchange connections client', () => {
  it('[P9] adds, reads, syncs and removes a connection through every route, with the answers checked', async () => {
    const stack = await start();
    browserFetch(stack);
    const wrong = await addConnection({
      exchange: 'binance',
      name: 'Binance',
      apiKey: DEMO_BINANCE_KEY,
      secret: 'not-the-secret',
    });
    expect(wrong).toMatchObject({ ok: false, status: 400, message: /refused the API key/ });
    const accounts = await listAccounts();
    expect(accounts.ok && accounts.data.map((a) => a.name)).toEqual(['Main']);

    const added = await addConnection({
      exchange: 'binance',
      name: 'Binance',
      apiKey: DEMO_BINANCE_KEY,
      secret: DEMO_BINANCE_SECRET,
    });
    if (!added.ok) throw new Error(added.message);
    expect(added.data).toMatchObject({
      account: { name: 'Binance' },
      keyHint: `••••${DEMO_BINANCE_KEY.slice(-4)}`,
      state: 'syncing',
      warnings: [],
    });
    const { id } = added.data;
    await stack.app.sync.settled(id);
    const synced = await getConnection(id);
    expect(synced).toMatchObject({ ok: true, data: { state: 'ok', lastError: null, progress: null } });
    expect(synced.ok && synced.data.lastResult?.added).toBeGreaterThan(0);
    const listed = await listConnections();
    expect(listed.ok && listed.data.map((c) => c.id)).toEqual([id]);

    const again = await syncNow(id);
    expect(again).toMatchObject({ ok: true, data: { id, state: 'syncing' } });
    await stack.app.sync.settled(id);
    const second = await getConnection(id);
    expect(second.ok && second.data.lastResult?.added).toBe(0);

    expect(await removeConnection(id)).toEqual({ ok: true, data: id });
    expect(await getConnection(id)).toMatchObject({ ok: false, status: 404, code: 'NOT_FOUND' });
    const after = await listAccounts();
    expect(after.ok && after.data.find((a) => a.name === 'Binance')?.kind).toBe('manual');
  }, 90_000);

  it('[P9] takes a connection with every field of the protocol', async () => {
    answering({ connection: CONNECTION });
    expect(await getConnection('c1')).toEqual({ ok: true, data: CONNECTION });
    const failed = {
      ...CONNECTION,
      state: 'error',
      progress: null,
      lastError: { code: 'KEY_REJECTED', message: 'refused', at: 1 },
      lastResult: { added: 538, adjustments: 1, at: 1 },
    };
    answering({ connections: [CONNECTION, failed] });
    expect(await listConnections()).toEqual({ ok: true, data: [CONNECTION, failed] });
  });

  it.each([
    ['a state the protocol does not have', { state: 'done' }],
    ['a progress step it does not have', { progress: { step: 'orders', done: 0, total: 1 } }],
    ['a count that is not one', { progress: { step: 'trades', done: -1, total: 1 } }],
    ['an error code it does not have', { lastError: { code: 'OOPS', message: 'x', at: 1 } }],
    ['a result without its time', { lastResult: { added: 1, adjustments: 0 } }],
    ['a permission that is not a flag', { permissions: { read: 'yes', trade: null, withdraw: null } }],
    ['a warning that is not text', { warnings: [1] }],
    ['no account', { account: null }],
    ['a time as text', { lastSyncAt: '2026-01-01' }],
  ])('[P9] refuses a connection with %s', async (_what, change) => {
    answering({ connection: { ...CONNECTION, ...change } });
    expect(await syncNow('c1')).toMatchObject({ ok: false, code: 'BAD_ANSWER' });
  });

  it('[P9] passes on the server’s refusal word for word, with when to try again', async () => {
    answering(
      { error: { code: 'RATE_LIMITED', message: 'Too many syncs asked for; try again in 42 s.' } },
      429,
    );
    expect(await syncNow('c1')).toEqual({
      ok: false,
      status: 429,
      code: 'RATE_LIMITED',
      message: 'Too many syncs asked for; try again in 42 s.',
    });
    answering({ deleted: 'another' });
    expect(await removeConnection('c1')).toMatchObject({ ok: false, code: 'BAD_ANSWER' });
  });
});
