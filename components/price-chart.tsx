'use client';
/** The recharts line of one stream's recent prices; bounded, memoised data and no animation keep redraws cheap. */
import { memo, useEffect, useId, useMemo, useRef } from 'react';
import { Area, AreaChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { describeStream, formatAge, formatClock, formatPrice, priceDecimals } from '@/client/format';
import { useFormatLocale, useT } from '@/client/i18n/provider';
import type { StreamId } from '@/lib/protocol';
import { useDashboard } from '@/client/store/provider';
import styles from './chart-panel.module.css';
import { priceAxis } from './price-axis';

// The theme's colours (globals.css), so that the chart follows the light and dark themes.
const COLORS = {
  up: 'var(--up)',
  down: 'var(--down)',
  grid: 'var(--border)',
  axis: 'var(--chart-axis)',
  line: 'var(--chart-line)',
};

interface Point {
  t: number;
  price: number;
}

/** Draws `store.series[stream]`; the price axis uses the market's decimals. */
export const PriceChart = memo(function PriceChart({ stream }: { stream: StreamId }) {
  const points = useDashboard((s) => s.series[stream]);
  // A number, so the chart redraws only when the precision changes, not with every bid or ask.
  const decimals = useDashboard((s) => priceDecimals(s.market.tickers[stream]));
  const t = useT('chart');
  const locale = useFormatLocale();
  const gradientId = `fill-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;

  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => untabbableLayers(frame.current), []);

  const data = useMemo<Point[]>(() => (points ?? []).map(([t, price]) => ({ t, price })), [points]);
  const axis = useMemo(
    () =>
      priceAxis(
        Math.min(...data.map((d) => d.price)),
        Math.max(...data.map((d) => d.price)),
        decimals,
        locale,
      ),
    [data, decimals, locale],
  );

  const first = data[0];
  const last = data.at(-1);
  // The frame stays mounted either way, so the layer fix above watches it from the start.
  if (!first || !last || data.length < 2) {
    return (
      <div ref={frame} className={styles.frame}>
        <p className={styles.placeholder}>{t('waitingForPrices')}</p>
      </div>
    );
  }
  const color = last.price >= first.price ? COLORS.up : COLORS.down;
  const withSeconds = last.t - first.t < 30 * 60_000;

  return (
    <div ref={frame} className={styles.frame}>
      <AreaChart
        responsive
        title={t('lineTitle', {
          symbol: describeStream(stream).symbol,
          age: formatAge(last.t - first.t, locale),
        })}
        desc={t('lineHelp')}
        data={data}
        margin={{ top: 12, right: 4, bottom: 4, left: 8 }}
        style={{ width: '100%', height: '100%' }}
      >
        <defs>
          <linearGradient id={gradientId} x1="0" y1="0" x2="0" y2="1">
            <stop offset="0%" stopColor={color} stopOpacity={0.25} />
            <stop offset="100%" stopColor={color} stopOpacity={0} />
          </linearGradient>
        </defs>
        <CartesianGrid stroke={COLORS.grid} vertical={false} />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={['dataMin', 'dataMax']}
          tickFormatter={(at: number) => formatClock(at, withSeconds, locale)}
          tick={{ fill: COLORS.axis, fontSize: 11 }}
          tickLine={false}
          axisLine={{ stroke: COLORS.line }}
          minTickGap={56}
          tickMargin={6}
        />
        <YAxis
          dataKey="price"
          orientation="right"
          domain={axis.domain}
          ticks={axis.ticks}
          tickFormatter={(v: number) => formatPrice(v, decimals, locale)}
          tick={{ fill: COLORS.axis, fontSize: 11 }}
          tickLine={false}
          axisLine={false}
          width={axis.width}
        />
        <Tooltip
          isAnimationActive={false}
          cursor={{ stroke: COLORS.axis, strokeDasharray: '3 3' }}
          contentStyle={{
            background: 'var(--panel-2)',
            border: `1px solid ${COLORS.line}`,
            borderRadius: 6,
            fontSize: 12,
            fontVariantNumeric: 'tabular-nums',
          }}
          labelStyle={{ color: COLORS.axis }}
          itemStyle={{ color: 'var(--text)' }}
          labelFormatter={(label) => (typeof label === 'number' ? formatClock(label, true, locale) : label)}
          formatter={(value) => [
            typeof value === 'number' ? formatPrice(value, decimals, locale) : String(value),
            t('priceName'),
          ]}
        />
        <Area
          type="linear"
          dataKey="price"
          stroke={color}
          strokeWidth={1.5}
          fill={`url(#${gradientId})`}
          isAnimationActive={false}
          dot={false}
          activeDot={{ r: 3, strokeWidth: 0, fill: color }}
        />
      </AreaChart>
    </div>
  );
});

/**
 * recharts renders its z-index layers as React portals into bare SVG `<g>`s. React puts its event listeners on
 * every portal container, and Chromium makes an SVG element with focus listeners focusable: each layer became
 * an invisible Tab stop. `tabindex="-1"` takes them out of the Tab order (the chart itself keeps its one stop).
 */
function untabbableLayers(root: HTMLElement | null): (() => void) | undefined {
  if (!root) return undefined;
  const fix = () => {
    for (const layer of root.querySelectorAll('g[class*="recharts-zIndex-layer"]:not([tabindex])')) {
      layer.setAttribute('tabindex', '-1');
    }
  };
  fix();
  const observer = new MutationObserver(fix);
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
