'use client';
/** Import transactions from a CSV file (all or nothing) and export them as one. */
import { useRef, useState } from 'react';
import { FormAlert, formMessage } from '@/components/auth-card';
import type { FormMessage } from '@/components/auth-card';
import { PagePanel } from '@/components/page-shell';
import { importTransactionsCsv, TRANSACTIONS_CSV_URL } from '@/client/api/portfolio';
import styles from './transactions.module.css';

/** The panel; `onImported` reloads the list after a successful import. */
export function CsvTools({ onImported }: { onImported(): void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormMessage | null>(null);
  const [done, setDone] = useState<FormMessage | null>(null);

  const onImport = async () => {
    const file = input.current?.files?.[0];
    setError(null);
    setDone(null);
    if (!file) {
      setError(formMessage('Choose a CSV file first.'));
      return;
    }
    setBusy(true);
    const result = await importTransactionsCsv(await file.text());
    setBusy(false);
    if (!result.ok) {
      // Verbatim: the server lists every bad line, and nothing was stored.
      setError(formMessage(result.message));
      return;
    }
    setDone(
      formMessage(`Imported ${result.data} transaction${result.data === 1 ? '' : 's'} from ${file.name}.`),
    );
    if (input.current) input.current.value = '';
    onImported();
  };

  return (
    <PagePanel title="Import and export" titleId="csv-title">
      <p className={styles.muted}>
        CSV with a header row: time, type, asset, quantity, price, quote_currency, fee, fee_currency, and
        optionally exchange, note, account and to_account (account names; a new name adds the account). A file
        with any wrong line is refused whole.
      </p>
      <div className={styles.csvRow}>
        <label className={styles.csvLabel}>
          CSV file to import
          <input ref={input} type="file" accept=".csv,text/csv" className={styles.csvFile} />
        </label>
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
    </PagePanel>
  );
}
