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
import type { ImportFormat } from '@/client/api/transactions-csv';
import { useT } from '@/client/i18n/provider';
import { formatName, importSummary } from './import-summary';
import styles from './transactions.module.css';

/** The panel; `onImported` reloads the list (and the accounts, which an import may add) after an import. */
export function CsvTools({
  accounts,
  onImported,
}: {
  accounts: readonly AccountSummary[] | null;
  onImported(): void;
}) {
  const t = useT('transactions');
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
      setError(formMessage(t('csvNoFile')));
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
    setDone(formMessage(importSummary(result.data, file.name, t)));
    setWarnings(result.data.warnings);
    if (input.current) input.current.value = '';
    onImported();
  };

  return (
    <PagePanel title={t('csvTitle')} titleId="csv-title">
      <p className={styles.muted}>{t('csvIntro')}</p>
      <div className={styles.csvRow}>
        <label className={styles.csvLabel}>
          {t('csvFile')}
          <input ref={input} type="file" accept=".csv,text/csv" className={styles.csvFile} />
        </label>
        <div className={styles.csvLabel}>
          <label htmlFor={formatId}>{t('csvFormat')}</label>
          <select
            id={formatId}
            className={fieldStyles.input}
            value={format}
            onChange={(e) => setFormat(e.currentTarget.value as ImportFormat)}
          >
            {IMPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {formatName(f, t)}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.csvLabel}>
          <label htmlFor={accountId}>{t('csvAccount')}</label>
          <select
            id={accountId}
            className={fieldStyles.input}
            value={account}
            onChange={(e) => setAccount(e.currentTarget.value)}
          >
            <option value="">{t('csvAccountFromFile')}</option>
            <AccountOptions accounts={accounts} />
          </select>
        </div>
        <button type="button" className={styles.button} disabled={busy} onClick={() => void onImport()}>
          {t(busy ? 'csvImporting' : 'csvImport')}
        </button>
        <a href={TRANSACTIONS_CSV_URL} download className={styles.link}>
          {t('csvExport')}
        </a>
      </div>
      <div className={styles.messages}>
        <FormAlert message={error} />
        <FormAlert message={done} tone="done" />
      </div>
      {warnings.length > 0 && (
        <ul className={styles.warnings} aria-label={t('csvWarnings')}>
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </PagePanel>
  );
}
