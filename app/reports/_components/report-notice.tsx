'use client';
/** What the report is and how it was computed, said before any figure, and its two CSV downloads. */
import { useT } from '@/client/i18n/provider';
import type { ReportQuery, TaxReportAnswer } from '@/client/api/reports';
import { taxReportCsvUrl } from '@/client/api/reports';
import { METHOD_KEYS, periodText } from './report-text';
import styles from './reports.module.css';

// Stands for the method in the sentence, which is split there to set the method's name in bold.
const METHOD_MARK = '\u0000';

/** The method, period and threshold the figures below are computed with, then the notice that it is no advice. */
export function ReportNotice({ answer }: { answer: TaxReportAnswer }) {
  const t = useT('reports');
  const basis = t('basis', {
    method: METHOD_MARK,
    period: periodText(t, answer),
    count: answer.longTermDays,
  });
  const [before = '', after = ''] = basis.split(METHOD_MARK);
  return (
    <div className={styles.notice}>
      <p className={styles.basis}>
        {before}
        <strong>{t(METHOD_KEYS[answer.method])}</strong>
        {after}
      </p>
      {/* The server's notice (answer.notice) in the reader's language: the API says it in English only. */}
      <p className={styles.noticeText}>{t('notTaxAdvice')}</p>
    </div>
  );
}

/** Plain links to the CSV routes with the query of the report shown; the session cookie goes with them. */
export function ReportDownloads({ query }: { query: ReportQuery }) {
  const t = useT('reports');
  return (
    <div className={styles.downloads}>
      <a href={taxReportCsvUrl(query, 'gains')} download className={`${styles.button} ${styles.large}`}>
        <DownloadIcon />
        {t('downloadGains')}
      </a>
      <a href={taxReportCsvUrl(query, 'income')} download className={`${styles.button} ${styles.large}`}>
        <DownloadIcon />
        {t('downloadIncome')}
      </a>
    </div>
  );
}

function DownloadIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      <path
        d="M8 2v8m0 0l-3.5-3.5M8 10l3.5-3.5M3 13h10"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
