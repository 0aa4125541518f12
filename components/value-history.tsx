'use client';
/** The portfolio's value over time, backfilled daily closes then recorded values: a plain SVG line with ranges. */
import { useEffect, useMemo, useState } from 'react';
import { fetchValueHistory } from '@/client/api/portfolio';
import type { ValueHistory as History } from '@/client/api/portfolio';
import { dateTimeFormat, formatAge, formatClock } from '@/client/format';
import { useFormatLocale, useT } from '@/client/i18n/provider';
import { Exact } from '@/client/exact';
import {
  dailyPointCount,
  defaultRange,
  pickRange,
  resampleByTime,
  VALUE_RANGES,
  withLiveEnd,
} from '@/client/value-series';
import type { ValueRange } from '@/client/value-series';
import { PerformanceFigures } from './performance-figures';
import { Sparkline } from './sparkline';
import { Money } from './portfolio-summary';
import styles from './portfolio-panel.module.css';
import { useThrottled } from './use-throttled';
import { useNow } from './clock-provider';

// Sparkline keeps every other point of more than its maximum, which would make its last step half as long in time
// as the others: the slots are all drawn, one time step per index step, across the panel's width.
const SLOTS = 240;

/** How often the live right end of the line moves. */
const LIVE_END_MS = 5_000;

/** How soon to ask again while the server works out the past values. */
const BUSY_REFRESH_MS = 3_000;

const DAY_MS = 86_400_000;

// Asks again as often as the server records, but not more than every 5 s nor less than every minute.
const refreshDelay = (intervalMs: number | undefined) =>
  Math.min(60_000, Math.max(5_000, intervalMs ?? 60_000));

const busy = (history: History) =>
  history.backfill.state === 'pending' || history.backfill.state === 'running';

// The keys of each range's button text and of its title.
const RANGE_LABELS = {
  '1D': { text: 'range1D', title: 'rangeTitle1D' },
  '1W': { text: 'range1W', title: 'rangeTitle1W' },
  '1M': { text: 'range1M', title: 'rangeTitle1M' },
  '1Y': { text: 'range1Y', title: 'rangeTitle1Y' },
  ALL: { text: 'rangeAll', title: 'rangeTitleAll' },
} as const satisfies Readonly<Record<ValueRange, { text: string; title: string }>>;

const dateFormat = (locale: string, timeZone?: 'UTC') =>
  dateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone });

// Within a day a clock time says when; over days it would be ambiguous. Which of the two it is picks the words.
const when = (ms: number, span: number, locale: string): { time: string } | { date: string } =>
  span < DAY_MS ? { time: formatClock(ms, false, locale) } : { date: dateFormat(locale).format(ms) };
const whenText = (at: { time: string } | { date: string }) => ('time' in at ? at.time : at.date);

// A daily value is dated at its UTC day's end: the day it closes is the UTC day before.
const closeDay = (ms: number, locale: string) => dateFormat(locale, 'UTC').format(ms - DAY_MS);

/** Fetches the history when mounted, when the currency changes, and again at the server's recording pace. */
export function ValueHistory({ currency, live }: { currency: string; live: string | null }) {
  const t = useT('portfolio');
  const locale = useFormatLocale();
  // `at` is the browser's clock when the answer came: the ranges count back from it.
  const [loaded, setLoaded] = useState<{ history: History; at: number } | null>(null);
  const [chosen, setChosen] = useState<ValueRange | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      void fetchValueHistory(controller.signal).then((result) => {
        if (controller.signal.aborted) return;
        if (result.ok) setLoaded({ history: result.data, at: Date.now() });
        const delay = !result.ok
          ? refreshDelay(undefined)
          : busy(result.data)
            ? BUSY_REFRESH_MS
            : refreshDelay(result.data.intervalMs);
        timer = setTimeout(load, delay);
      });
    load();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [currency]);

  const recorded = useMemo(
    () => loaded?.history.points.map(([t, value]): [number, number] => [t, Number(value)]) ?? [],
    [loaded],
  );
  // The right end ticks: the live total (a complete valuation at live prices), redrawn every few seconds.
  const liveEnd = useThrottled(live, LIVE_END_MS);
  const clock = useNow();
  const step = clock === null ? null : Math.floor(clock / LIVE_END_MS) * LIVE_END_MS;
  const now = useMemo(
    () => (liveEnd === null || step === null ? null : ([step, Number(liveEnd)] as [number, number])),
    [liveEnd, step],
  );
  const series = useMemo(() => withLiveEnd(recorded, now), [recorded, now]);
  const at = loaded?.at ?? 0;
  const counts = useMemo(
    () => new Map(VALUE_RANGES.map((r) => [r, pickRange(series, r, at).length])),
    [series, at],
  );
  // A chosen range that has emptied (another currency, say) gives way to the default.
  const range = chosen && (counts.get(chosen) ?? 0) > 0 ? chosen : defaultRange(series, at);
  const shown = useMemo(() => pickRange(series, range, at), [series, range, at]);
  const line = useMemo(() => resampleByTime(shown, SLOTS), [shown]);

  const history = loaded?.history;
  const every = history ? formatAge(history.intervalMs, locale) : '';
  const start = shown[0] ? series.indexOf(shown[0]) : -1;
  const first = history?.points[start];
  const newest = history?.points.at(-1);
  const last = now && series.at(-1) === now ? ([now[0], String(now[1])] as const) : newest;
  const daily = dailyPointCount(series);
  const firstRecorded = series[daily]?.[0];
  const message = history && !busy(history) ? history.backfill.message : null;
  const span = first && last ? last[0] - first[0] : 0;
  const recordedFrom = firstRecorded === undefined ? null : when(firstRecorded, span, locale);
  const oneValueAt = first ? when(first[0], at - first[0], locale) : null;

  return (
    <div className={styles.history}>
      <div className={styles.historyHead}>
        <h3 className={styles.subTitle}>{t('valueHistory')}</h3>
        {series.length >= 2 && (
          <div role="group" aria-label={t('rangeGroupLabel')} className={styles.ranges}>
            {VALUE_RANGES.map((r) => (
              <button
                key={r}
                type="button"
                className={styles.range}
                aria-pressed={r === range}
                disabled={(counts.get(r) ?? 0) === 0}
                title={t(RANGE_LABELS[r].title)}
                onClick={() => setChosen(r)}
              >
                {t(RANGE_LABELS[r].text)}
              </button>
            ))}
          </div>
        )}
      </div>
      {history && first && last && shown.length >= 2 ? (
        <figure className={styles.historyFigure}>
          <div
            role="img"
            aria-label={t('historyLabel', {
              from: whenText(when(first[0], span, locale)),
              to: whenText(when(last[0], span, locale)),
            })}
          >
            <Sparkline points={line} width={320} height={96} fluid maxPoints={SLOTS} />
          </div>
          <figcaption className={styles.note}>
            <Money value={new Exact(first[1])} quote={history.currency} /> →{' '}
            <Money value={new Exact(last[1])} quote={history.currency} />{' '}
            {t('historyOver', { span: formatAge(span, locale) })}
            {start < daily &&
              ` · ${
                recordedFrom === null
                  ? t('dailyCloses')
                  : 'time' in recordedFrom
                    ? t('dailyClosesBeforeTime', { time: recordedFrom.time, every })
                    : t('dailyClosesBeforeDate', { date: recordedFrom.date, every })
              }`}
          </figcaption>
          <PerformanceFigures range={range} version={newest?.[0]} />
        </figure>
      ) : history && first && series.length >= 2 ? (
        <p className={styles.note}>
          {t('oneValue')} <Money value={new Exact(first[1])} quote={history.currency} />
          {start < daily
            ? t('oneValueDailyClose', { date: closeDay(first[0], locale) })
            : oneValueAt &&
              ` ${'time' in oneValueAt ? t('oneValueAtTime', oneValueAt) : t('oneValueOnDate', oneValueAt)}`}
        </p>
      ) : (
        <p className={styles.note}>{t('recordedEvery', { every: every || t('everyFewMinutes') })}</p>
      )}
      <div className={styles.historyStatus} aria-live="polite">
        {history && busy(history) && <p className={styles.note}>{t('backfilling')}</p>}
        {message && <p className={styles.note}>{message.charAt(0).toUpperCase() + message.slice(1)}</p>}
      </div>
    </div>
  );
}
