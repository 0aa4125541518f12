'use client';
/** Import transactions from a CSV file, Livefolio's own or an exchange's export (all or nothing), and export them. */
import { useId, useRef, useState } from 'react';
import { FormAlert, formMessage } from '@/components/auth-card';
import type { FormMessage } from '@/components/auth-card';
import fieldStyles from '@/components/auth-card.module.css';
import { AccountOptions } from '@/components/account-select';
import { PagePanel } from '@/components/page-shell';
import type { AccountSummary } from '@/client/api/portfolio-accounts';
import { IMPORT_FORMATS, importTransactionsCsv, TRANSACTIONS_CSV_URL } from '@/client/api/transactions-csv';
import type { ImportFormat, ImportResult } from '@/client/api/transactions-csv';
import styles from './transactions.module.css';

/** Each format as the select offers it and as the result names it. */
const FORMAT_NAMES: Record<ImportFormat, string> = {
  auto: 'Told from the file',
  livefolio: 'Livefolio CSV',
  binance: 'Binance trade history',
  coinbase: 'Coinbase transaction history',
  kraken: 'Kraken ledgers export',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the import did, in a sentence: counts, the format read, and the account it went into. */
export function importSummary(result: ImportResult, fileName: string): string {
  if (result.format === 'livefolio')
    return `Imported ${plural(result.imported, 'transaction')} from ${fileName}.`;
  const into = result.account ? ` into ${result.account.name}` : '';
  const parts = [
    `Imported ${plural(result.imported, 'row')} from ${fileName} (${FORMAT_NAMES[result.format]})${into}`,
  ];
  if (result.skipped > 0) parts.push(`${plural(result.skipped, 'row')} already booked skipped`);
  if (result.ignored > 0) parts.push(`${plural(result.ignored, 'row')} that move nothing left out`);
  return `${parts.join('; ')}.`;
}

/** The panel; `onImported` reloads the list (and the accounts, which an import may add) after an import. */
export function CsvTools({
  accounts,
  onImported,
}: {
  accounts: readonly AccountSummary[] | null;
  onImported(): void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const formatId = useId();
  const accountId = useId();
  const [format, setFormat] = useState<ImportFormat>('auto');
  const [account, setAccount] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormMessage | null>(null);
  const [done, setDone] = useState<FormMessage | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);

  const onImport = async () => {
    const file = input.current?.files?.[0];
    setError(null);
    setDone(null);
    setWarnings([]);
    if (!file) {
      setError(formMessage('Choose a CSV file first.'));
      return;
    }
    setBusy(true);
    const result = await importTransactionsCsv(await file.text(), { format, account: account || undefined });
    setBusy(false);
    if (!result.ok) {
      // Verbatim: the server lists every bad line, and nothing was stored.
      setError(formMessage(result.message));
      return;
    }
    setDone(formMessage(importSummary(result.data, file.name)));
    setWarnings(result.data.warnings);
    if (input.current) input.current.value = '';
    onImported();
  };

  return (
    <PagePanel title="Import and export" titleId="csv-title">
      <p className={styles.muted}>
        Livefolio&apos;s CSV (a header row: time, type, asset, quantity, price, quote_currency, fee,
        fee_currency, and optionally exchange, note, account and to_account) or an exchange&apos;s own export:
        Binance&apos;s spot trade history, Coinbase&apos;s transaction history report, Kraken&apos;s ledgers.
        The format is told from the header row. An exchange&apos;s file goes into the account chosen, or into
        one named after the exchange; rows already booked, by a sync or an earlier import, are skipped. A file
        with any wrong line is refused whole.
      </p>
      <div className={styles.csvRow}>
        <label className={styles.csvLabel}>
          CSV file to import
          <input ref={input} type="file" accept=".csv,text/csv" className={styles.csvFile} />
        </label>
        <div className={styles.csvLabel}>
          <label htmlFor={formatId}>Format</label>
          <select
            id={formatId}
            className={fieldStyles.input}
            value={format}
            onChange={(e) => setFormat(e.currentTarget.value as ImportFormat)}
          >
            {IMPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_NAMES[f]}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.csvLabel}>
          <label htmlFor={accountId}>Into account</label>
          <select
            id={accountId}
            className={fieldStyles.input}
            value={account}
            onChange={(e) => setAccount(e.currentTarget.value)}
          >
            <option value="">As the file says</option>
            <AccountOptions accounts={accounts} />
          </select>
        </div>
        <button type="button" className={styles.button} disabled={busy} onClick={() => void onImport()}>
          {busy ? 'Importing…' : 'Import'}
        </button>
        <a href={TRANSACTIONS_CSV_URL} download className={styles.link}>
          Export CSV
        </a>
      </div>
      <div className={styles.messages}>
        <FormAlert message={error} />
        <FormAlert message={done} tone="done" />
      </div>
      {warnings.length > 0 && (
        <ul className={styles.warnings} aria-label="Import warnings">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </PagePanel>
  );
}
