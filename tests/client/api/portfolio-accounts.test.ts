import { describe, expect, it } from 'vitest';
import { fetchPortfolio } from '../../../client/api/portfolio';
import { addTransaction, listTransactions } from '../../../client/api/transactions';
import {
  createAccount,
  deleteAccount,
  listAccounts,
  renameAccount,
} from '../../../client/api/portfolio-accounts';
import { browserFetch } from '../../support/browser-fetch';
import { autoClose } from '../../support/stack';

const { start } = autoClose();

describe('the browser’s portfolio accounts client', () => {
  it('[P8] reads every answer the server gives about accounts, transfers and holdings per account', async () => {
    const stack = await start();
    browserFetch(stack);
    const created = await createAccount('Ledger');
    if (!created.ok) throw new Error(created.message);
    expect(created.data).toMatchObject({ name: 'Ledger', kind: 'manual', transactions: 0 });
    const renamed = await renameAccount(created.data.id, 'Cold');
    expect(renamed).toMatchObject({ ok: true, data: { id: created.data.id, name: 'Cold' } });
    const base = { asset: 'BTC', price: '1', quoteCurrency: 'USDT', fee: '0', feeCurrency: 'USDT' };
    await addTransaction({ ...base, type: 'buy', quantity: '1', time: '2026-01-01T00:00:00Z' });
    const moved = await addTransaction({
      ...base,
      type: 'transfer',
      quantity: '0.5',
      time: '2026-01-02T00:00:00Z',
      toAccount: created.data.id,
    });
    expect(moved).toMatchObject({ ok: true, data: { type: 'transfer', toAccount: created.data.id } });

    const listed = await listAccounts();
    expect(listed.ok && listed.data.map((a) => [a.name, a.transactions])).toEqual([
      ['Main', 2],
      ['Cold', 1],
    ]);
    const inCold = await listTransactions(undefined, created.data.id);
    expect(inCold.ok && inCold.data.map((t) => t.type)).toEqual(['transfer']);
    const whole = await fetchPortfolio('fifo');
    expect(whole.ok && whole.data.accounts.map((a) => [a.name, a.assets[0]?.quantity])).toEqual([
      ['Main', '0.5'],
      ['Cold', '0.5'],
    ]);
    const alone = await fetchPortfolio('fifo', undefined, created.data.id);
    expect(alone.ok && alone.data.accounts.map((a) => a.name)).toEqual(['Cold']);

    expect(await deleteAccount(created.data.id)).toEqual({ ok: true, data: 1 });
    const last = await deleteAccount((listed.ok && listed.data[0]?.id) || '');
    expect(last).toMatchObject({ ok: false, status: 409 });
  });
});
