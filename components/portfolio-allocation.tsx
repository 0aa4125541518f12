'use client';
/**
 * The allocation by asset: a donut (recharts, loaded when the panel comes near the screen) and a legend that
 * carries the numbers.
 */
import dynamic from 'next/dynamic';
import { useMemo, useRef } from 'react';
import { useFormatLocale, useT } from '@/client/i18n/provider';
import type { LiveHolding } from '@/client/live-portfolio';
import type { Translate } from '@/lib/i18n/messages/en';
import { ZERO } from '@/client/exact';
import type { Exact } from '@/client/exact';
import type { AllocationSlice } from './allocation-chart';
import { formatShare } from './portfolio-format';
import styles from './portfolio-panel.module.css';
import { useNearView } from './use-near-view';

const AllocationChart = dynamic(() => import('./allocation-chart').then((m) => m.AllocationChart), {
  ssr: false,
  loading: () => <div className={styles.donutPlaceholder} />,
});

/** Slice colours, distinct on the dark panel; the last one is "Other". */
const COLORS = ['#4c8dff', '#16c784', '#f0b90b', '#a06cf0', '#ef6f9f', '#36c5d8'] as const;
const OTHER_COLOR = '#5f6a7d';

interface LegendItem {
  name: string;
  /** The share as shown: 12.34%. */
  share: string;
  /** The share in percent at one place, for the donut: "12.3". */
  slice: string;
  color: string;
}

/** A section headed "Allocation"; the donut is a picture of the legend, named by it, and out of the Tab order. */
export function PortfolioAllocation({ holdings }: { holdings: readonly LiveHolding[] }) {
  const t = useT('portfolio');
  const locale = useFormatLocale();
  const legend = legendItems(holdings, t, locale);
  if (legend.length === 0) return null;
  const sliceKey = legend.map((item) => `${item.name}\t${item.color}\t${item.slice}`).join('\n');
  const description = legend.map((item) => `${item.name} ${item.share}`).join(', ');

  return (
    <section className={styles.allocation} aria-labelledby="allocation-title">
      <h3 id="allocation-title" className={styles.subTitle}>
        {t('allocation')}
      </h3>
      <div className={styles.allocationBody}>
        <Donut sliceKey={sliceKey} description={description} />
        <ul className={styles.legend}>
          {legend.map((item) => (
            <li key={item.name} className={styles.legendItem}>
              <span className={styles.swatch} style={{ background: item.color }} aria-hidden="true" />
              <span className={styles.legendName}>{item.name}</span>
              <span className={styles.legendShare}>{item.share}</span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

// Slices at 0.1 % in a string: the donut redraws when a slice visibly moves, not with every tick.
function Donut({ sliceKey, description }: { sliceKey: string; description: string }) {
  const slices = useMemo(() => toSlices(sliceKey), [sliceKey]);
  const frame = useRef<HTMLDivElement>(null);
  const near = useNearView(frame);
  const t = useT('portfolio');
  return (
    <div role="img" aria-label={t('allocationChartLabel', { description })} className={styles.donut}>
      {/* inert: recharts' layers would otherwise be invisible Tab stops; the legend has the numbers. */}
      <div inert className={styles.donutFrame} ref={frame}>
        {near ? <AllocationChart slices={slices} /> : <div className={styles.donutPlaceholder} />}
      </div>
    </div>
  );
}

// The largest holdings by value, each with its colour; the rest together as "Other (n)".
function legendItems(
  holdings: readonly LiveHolding[],
  t: Translate<'portfolio'>,
  locale: string,
): LegendItem[] {
  const held = holdings.filter((h) => h.marketValue.gt(0)).sort((a, b) => b.marketValue.cmp(a.marketValue));
  const fits = held.length <= COLORS.length ? held.length : COLORS.length - 1;
  const item = (name: string, allocation: Exact, color: string): LegendItem => ({
    name,
    share: formatShare(allocation, locale),
    slice: allocation.times(100).toFixed(1),
    color,
  });
  const items = held.slice(0, fits).map((h, i) => item(h.asset, h.allocation, COLORS[i] ?? OTHER_COLOR));
  const rest = held.slice(fits);
  if (rest.length > 0) {
    const share = rest.reduce((sum, h) => sum.plus(h.allocation), ZERO);
    items.push(item(t('otherAssets', { count: rest.length }), share, OTHER_COLOR));
  }
  return items;
}

function toSlices(key: string): AllocationSlice[] {
  if (!key) return [];
  return key.split('\n').map((line) => {
    const [name = '', fill = OTHER_COLOR, slice = '0'] = line.split('\t');
    // Geometry only: a float is fine for an angle, never for an amount.
    return { name, fill, value: Number.parseFloat(slice) };
  });
}
