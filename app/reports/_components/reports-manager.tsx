'use client';
/** The reports page: the tax report's settings, what it is, its totals, its gains and its income. */
import { useT } from '@/client/i18n/provider';
import { FormAlert } from '@/components/auth-card';
import { PagePanel } from '@/components/page-shell';
import table from '@/components/ticker-table.module.css';
import { reportSearch } from '@/client/api/reports';
import type { ReportQuery, TaxReportAnswer } from '@/client/api/reports';
import { GainsTable } from './gains-table';
import { IncomeTable } from './income-table';
import { ReportControls } from './report-controls';
import { ReportDownloads, ReportNotice } from './report-notice';
import { ReportSummary } from './report-summary';
import { periodPhrase } from './report-text';
import { useReportChoices, useTaxReport } from './use-tax-report';
import styles from './reports.module.css';

/** Settings first; the figures of the last answer stay while the next loads, marked busy. */
export function ReportsManager() {
  const { query, years, choose } = useReportChoices();
  const { answer, shown, loading, failure } = useTaxReport(query);
  const t = useT('reports');

  return (
    <div className={styles.layout}>
      <PagePanel title={t('taxReportTitle')} titleId="report-title">
        {query && <ReportControls query={query} years={years} onApply={choose} />}
        <div className={styles.alerts}>
          <FormAlert message={failure?.message ?? null} />
        </div>
        {failure?.signedOut && (
          <p>
            <a href="/login?next=%2Freports" className={`${styles.button} ${styles.large}`}>
              {t('signIn')}
            </a>
          </p>
        )}
        {!answer && !failure && <p className={table.muted}>{t('loading')}</p>}
        {answer && shown && (
          <>
            <ReportNotice answer={answer} />
            <ReportDownloads query={shown} />
          </>
        )}
      </PagePanel>
      {answer && shown && <ReportBody answer={answer} shown={shown} busy={loading} />}
    </div>
  );
}

/** The totals, then the lines; one sentence instead when the period realized nothing. */
function ReportBody({ answer, shown, busy }: { answer: TaxReportAnswer; shown: ReportQuery; busy: boolean }) {
  // A new report starts its tables at their first page.
  const t = useT('reports');
  const key = reportSearch(shown).toString();
  const nothing = answer.gains.length === 0 && answer.income.length === 0;
  return (
    <div className={styles.layout} aria-busy={busy}>
      <PagePanel title={t('summaryTitle')} titleId="summary-title">
        {nothing ? (
          <p className={styles.empty}>{t('nothingRealized', { period: periodPhrase(t, answer) })}</p>
        ) : (
          <ReportSummary years={answer.years} />
        )}
      </PagePanel>
      {!nothing && (
        <>
          <PagePanel title={t('gainsTitle')} titleId="gains-title" count={answer.gains.length}>
            {answer.gains.length === 0 ? (
              <p className={table.muted}>{t('noDisposals')}</p>
            ) : (
              <GainsTable key={key} gains={answer.gains} />
            )}
          </PagePanel>
          <PagePanel title={t('incomeTitle')} titleId="income-title" count={answer.income.length}>
            {answer.income.length === 0 ? (
              <p className={table.muted}>{t('noIncome')}</p>
            ) : (
              <IncomeTable key={key} income={answer.income} />
            )}
          </PagePanel>
        </>
      )}
    </div>
  );
}
