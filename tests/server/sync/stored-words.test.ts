import { describe, expect, it } from 'vitest';
import { ENGLISH, text } from '../../../server/errors';
import { errorIn, permissionsIn, storedError, storedPermissions } from '../../../server/sync/stored-words';
import type { StoredError, StoredPermissions } from '../../../server/sync/stored-words';
import { SyncError } from '../../../server/sync/sync-error';

const GERMAN = { language: 'de' as const, formatLocale: 'de-DE' };
/** What the store hands back: the JSON it wrote, parsed. */
const throughJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('the words a connection keeps (P9, L6)', () => {
  it('[L6] a last error is stored in English and by key, and read back in each reader’s language', () => {
    const problem = text('sync', 'feeAsLargeAsTrade', { exchange: 'Binance', id: '7', symbol: 'BTC/USDT' });
    const failure = new SyncError(
      'HISTORY_CONFLICT',
      text('sync', 'historyConflict', { exchange: 'Binance', problem }),
    );
    const stored = throughJson(storedError(failure, 1000));
    expect(stored).toMatchObject({ code: 'HISTORY_CONFLICT', message: failure.message, at: 1000 });
    expect(errorIn(stored, ENGLISH)).toEqual({
      code: 'HISTORY_CONFLICT',
      message: failure.message,
      at: 1000,
    });
    expect(errorIn(stored, GERMAN)).toEqual({
      code: 'HISTORY_CONFLICT',
      message:
        'Der Verlauf von Binance passt nicht zu den Transaktionen, die bereits in Ihrem Portfolio sind, daher ' +
        'wurde nichts geändert: Trade 7 (BTC/USDT) von Binance hat eine Gebühr, so groß wie der Trade selbst. Ändern oder löschen Sie die genannte Transaktion ' +
        'und synchronisieren Sie dann erneut.',
      at: 1000,
    });
  });

  it('[L6] a row written before, or a key the catalog no longer has, shows its English as stored', () => {
    const old: StoredError = { code: 'FAILED', message: 'Old words.', at: 5 };
    expect(errorIn(old, GERMAN)).toEqual(old);
    const gone = { ...old, text: { namespace: 'sync', key: 'noSuchKey' } };
    expect(errorIn(gone, GERMAN)).toEqual(old);
    const badValue = { ...old, text: { namespace: 'sync', key: 'failed', values: { exchange: { key: 1 } } } };
    expect(errorIn(badValue, GERMAN)).toEqual(old);
    expect(errorIn(null, GERMAN)).toBeNull();
  });

  it('[L6] a key’s warnings in the reader’s language; the rights alone go out as permissions', () => {
    const report = {
      read: true,
      trade: true,
      withdraw: false,
      warnings: [text('sync', 'keyCanTrade', { exchange: 'Binance' })],
    };
    const stored = throughJson(storedPermissions(report));
    expect(stored.warnings).toEqual([
      'This key can trade on your Binance account. Livefolio only reads: a read-only key is safer.',
    ]);
    expect(permissionsIn(stored, ENGLISH)).toEqual({
      permissions: { read: true, trade: true, withdraw: false },
      warnings: stored.warnings,
    });
    expect(permissionsIn(stored, GERMAN).warnings).toEqual([
      'Dieser Schlüssel kann auf Ihrem Konto bei Binance handeln. Livefolio liest nur: Ein Schlüssel, der nur ' +
        'lesen darf, ist sicherer.',
    ]);
    const old: StoredPermissions = { read: true, trade: true, withdraw: false, warnings: ['Old warning.'] };
    expect(permissionsIn(old, GERMAN).warnings).toEqual(['Old warning.']);
  });
});
