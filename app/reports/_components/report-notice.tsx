/** What the report is and how it was computed, said before any figure, and its two CSV downloads. */
import type { ReportQuery, TaxReportAnswer } from '@/client/api/reports';
import { taxReportCsvUrl } from '@/client/api/reports';
import { METHOD_LABELS, periodText } from './report-text';
import styles from './reports.module.css';

/** The method, period and threshold the figures below are computed with, then the server's own notice. */
export function ReportNotice({ answer }: { answer: TaxReportAnswer }) {
  return (
    <div className={styles.notice}>
      <p className={styles.basis}>
        <strong>{METHOD_LABELS[answer.method]}</strong> cost basis · {periodText(answer)} (UTC) · long-term
        when held more than {answer.longTermDays.toLocaleString('en-US')} days
      </p>
      <p className={styles.noticeText}>{answer.notice}</p>
    </div>
  );
}

/** Plain links to the CSV routes with the query of the report shown; the session cookie goes with them. */
export function ReportDownloads({ query }: { query: ReportQuery }) {
  return (
    <div className={styles.downloads}>
      <a href={taxReportCsvUrl(query, 'gains')} download className={`${styles.button} ${styles.large}`}>
        <DownloadIcon />
        Download gains CSV
      </a>
      <a href={taxReportCsvUrl(query, 'income')} download className={`${styles.button} ${styles.large}`}>
        <DownloadIcon />
        Download income CSV
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
