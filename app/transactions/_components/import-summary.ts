/** What a CSV import did, in the reader's words: the formats' names and the sentence of counts. */
import type { ImportFormat, ImportResult } from '@/client/api/transactions-csv';
import type { Translate } from '@/lib/i18n/messages/en';
import type { TransactionsKey } from './transaction-text';

const FORMAT_NAMES: Record<ImportFormat, TransactionsKey> = {
  auto: 'formatAuto',
  livefolio: 'formatLivefolio',
  binance: 'formatBinance',
  coinbase: 'formatCoinbase',
  kraken: 'formatKraken',
};

/** A format as the select offers it and as the result names it: "Binance trade history". */
export function formatName(format: ImportFormat, t: Translate<'transactions'>): string {
  return t(FORMAT_NAMES[format]);
}

/** What the import did, in a sentence: counts, the format read, and the account it went into. */
export function importSummary(result: ImportResult, fileName: string, t: Translate<'transactions'>): string {
  if (result.format === 'livefolio') {
    return t('importedTransactions', { count: result.imported, file: fileName });
  }
  const imported = { count: result.imported, file: fileName, format: formatName(result.format, t) };
  const parts = [
    result.account
      ? t('importedRowsInto', { ...imported, account: result.account.name })
      : t('importedRows', imported),
  ];
  if (result.skipped > 0) parts.push(t('importSkipped', { count: result.skipped }));
  if (result.ignored > 0) parts.push(t('importIgnored', { count: result.ignored }));
  return `${parts.join('; ')}.`;
}
