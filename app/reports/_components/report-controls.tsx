'use client';
/** The report's choices: a year or a range of days, the cost-basis method, and when a gain becomes long-term. */
import { useId, useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import { useT } from '@/client/i18n/provider';
import { FormAlert, formMessage } from '@/components/auth-card';
import type { FormMessage } from '@/components/auth-card';
import fieldStyles from '@/components/auth-card.module.css';
import type { ReportQuery } from '@/client/api/reports';
import { COST_BASIS_METHODS } from '@/lib/portfolio/report-options';
import { DEFAULT_METHOD, MAX_LONG_TERM_DAYS } from './report-choices';
import { METHOD_KEYS } from './report-text';
import styles from './reports.module.css';

const CUSTOM = 'custom';

// The range's two fields, and the day of the year each starts at: the whole year shown before.
const RANGE_ENDS = [
  ['from', 'rangeFrom', '01-01'],
  ['to', 'rangeTo', '12-31'],
] as const;

/**
 * A form whose fields stay mounted and hold what was applied, so the focus never jumps. A select applies at
 * once (as the dashboard's method select does); typed values, the dates and the days, wait for Apply or Enter.
 */
export function ReportControls({
  query,
  years,
  onApply,
}: {
  /** The query the page opened on; later ones come from this form. */
  query: ReportQuery;
  /** The years to offer, newest first. */
  years: readonly number[];
  onApply(query: ReportQuery): void;
}) {
  const t = useT('reports');
  const { period } = query;
  const [custom, setCustom] = useState(!('year' in period));
  const [problem, setProblem] = useState<FormMessage | null>(null);
  const periodId = useId();
  const methodId = useId();
  const daysId = useId();
  const daysHintId = useId();
  const [firstYear = new Date().getUTCFullYear()] = years;
  // A bookmarked year with no transaction in it is still offered.
  const offered = 'year' in period && !years.includes(period.year) ? [period.year, ...years] : years;
  const rangeYear = 'year' in period ? period.year : firstYear;

  const apply = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    };
    const choice = text('period');
    const [from, to] = [text('from'), text('to')];
    if (choice === CUSTOM && (!from || !to)) return setProblem(formMessage(t('rangeMissing')));
    // yyyy-mm-dd strings compare as the days they name.
    if (choice === CUSTOM && to < from) return setProblem(formMessage(t('rangeReversed')));
    setProblem(null);
    onApply({
      period: choice === CUSTOM ? { from, to } : { year: Number(choice) },
      method: COST_BASIS_METHODS.find((m) => m === text('method')) ?? DEFAULT_METHOD,
      longTermDays: Number(text('longTermDays')),
    });
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply(event.currentTarget);
  };
  // Through the form's own submit, so an invalid number of days is refused by the browser as on Apply.
  const applyNow = (event: ChangeEvent<HTMLSelectElement>) => event.currentTarget.form?.requestSubmit();
  const onPeriod = (event: ChangeEvent<HTMLSelectElement>) => {
    const isCustom = event.currentTarget.value === CUSTOM;
    setCustom(isCustom);
    if (!isCustom) applyNow(event);
  };

  return (
    <form className={styles.settings} onSubmit={onSubmit} aria-label={t('settingsLabel')}>
      <div className={styles.controls}>
        <div className={styles.field}>
          <label htmlFor={periodId}>{t('periodLabel')}</label>
          <select
            id={periodId}
            name="period"
            className={fieldStyles.input}
            defaultValue={'year' in period ? String(period.year) : CUSTOM}
            onChange={onPeriod}
          >
            {offered.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
            <option value={CUSTOM}>{t('customRange')}</option>
          </select>
        </div>
        {custom &&
          RANGE_ENDS.map(([name, labelKey, dayOfYear]) => (
            <div key={name} className={styles.field}>
              <label htmlFor={`${periodId}-${name}`}>{t(labelKey)}</label>
              <input
                id={`${periodId}-${name}`}
                name={name}
                type="date"
                className={fieldStyles.input}
                defaultValue={'from' in period ? period[name] : `${rangeYear}-${dayOfYear}`}
              />
            </div>
          ))}
        <div className={styles.field}>
          <label htmlFor={methodId}>{t('methodLabel')}</label>
          <select
            id={methodId}
            name="method"
            className={fieldStyles.input}
            defaultValue={query.method}
            onChange={applyNow}
          >
            {COST_BASIS_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(METHOD_KEYS[m])}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor={daysId}>{t('longTermLabel')}</label>
          <input
            id={daysId}
            name="longTermDays"
            type="number"
            inputMode="numeric"
            className={`${fieldStyles.input} ${styles.days}`}
            min={0}
            max={MAX_LONG_TERM_DAYS}
            step={1}
            required
            defaultValue={query.longTermDays}
            aria-describedby={daysHintId}
          />
          <p id={daysHintId} className="sr-only">
            {t('longTermHint')}
          </p>
        </div>
        <button type="submit" className={`${styles.button} ${styles.large}`}>
          {t('apply')}
        </button>
      </div>
      <FormAlert message={problem} />
    </form>
  );
}
