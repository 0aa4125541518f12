'use client';
/**
 * What the candle chart draws, in layers over one geometry: the axes and the closed candles with their volume
 * (memoised: drawn again only when they or the geometry change), and the live candles and the crosshair, which
 * are all a tick redraws. The labels are written in `locale`, a prop: a string, so the memoised layers keep
 * comparing equal from tick to tick.
 */
import { memo } from 'react';
import type { SVGProps } from 'react';
import { formatPrice } from '@/client/format';
import type { Timeframe } from '@/lib/timeframes';
import { candleTimeLabel } from './candle-format';
import type { Geometry } from './candle-geometry';

// The theme's colours (globals.css), so that the chart follows the light and dark themes.
export const COLORS = {
  up: 'var(--up)',
  down: 'var(--down)',
  axis: 'var(--chart-axis)',
  line: 'var(--chart-line)',
  cross: 'var(--chart-axis)',
  tag: 'var(--chart-tag)',
  tagText: 'var(--chart-tag-text)',
};

export interface Candle {
  t: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  live: boolean;
}

/** One candle: the wick from high to low, the body from open to close, its volume below in the same colour. */
function CandleMark({ c, g }: { c: Candle; g: Geometry }) {
  const mid = g.x(c.t);
  const up = c.close >= c.open;
  const color = up ? COLORS.up : COLORS.down;
  const width = Math.max(1, g.band * 0.7);
  const open = g.price(c.open);
  const close = g.price(c.close);
  const base = g.volume(0);
  const bar = Math.min(base - g.plot.y, Math.max(0, base - g.volume(c.volume)));
  return (
    <g className="candle" data-live={c.live ? 'true' : undefined} opacity={c.live ? 0.85 : 1}>
      {bar > 0 && (
        <rect x={mid - width / 2} y={base - bar} width={width} height={bar} fill={color} opacity={0.3} />
      )}
      <line x1={mid} x2={mid} y1={g.price(c.high)} y2={g.price(c.low)} stroke={color} strokeWidth={1} />
      {/* Rising candles hollow, falling ones filled: the direction reads without the colours too. */}
      <rect
        x={mid - width / 2 + (up ? 0.5 : 0)}
        y={Math.min(open, close) + (up ? 0.5 : 0)}
        width={Math.max(1, width - (up ? 1 : 0))}
        height={Math.max(1, Math.abs(open - close) - (up ? 1 : 0))}
        fill={up && width >= 3 ? 'var(--panel)' : color}
        stroke={up && width >= 3 ? color : 'none'}
        strokeWidth={1}
      />
    </g>
  );
}

/** The closed candles: redrawn when they or the geometry change, never for a tick. */
export const ClosedCandles = memo(function ClosedCandles({
  candles,
  g,
}: {
  candles: readonly Candle[];
  g: Geometry;
}) {
  return (
    <g className="candles-closed">
      {candles.map((c) => (
        <CandleMark key={c.t} c={c} g={g} />
      ))}
    </g>
  );
});

/** The live candles, on top of the closed ones. */
export function LiveCandles({ candles, g }: { candles: readonly Candle[]; g: Geometry }) {
  return (
    <g className="candles-live">
      {candles.map((c) => (
        <CandleMark key={c.t} c={c} g={g} />
      ))}
    </g>
  );
}

/** A line across the plot at a height. */
function Across({ y, g, ...stroke }: { y: number; g: Geometry } & SVGProps<SVGLineElement>) {
  return <line x1={g.plot.x} x2={g.plot.x + g.plot.width} y1={y} y2={y} {...stroke} />;
}

/** A dashed cross through the candle under the pointer and the pointer's height, with that height's price. */
export function Crosshair({
  active,
  pointerY,
  g,
  decimals,
  locale,
}: {
  active: Candle | null;
  pointerY: number | null;
  g: Geometry;
  decimals: number;
  locale: string;
}) {
  if (!active) return null;
  const at = g.x(active.t);
  const { plot } = g;
  const dash = { stroke: COLORS.cross, strokeDasharray: '3 3', strokeWidth: 1 };
  const y = pointerY !== null && pointerY >= plot.y && pointerY <= plot.y + plot.height ? pointerY : null;
  const tag = y === null ? null : formatPrice(g.priceAt(y), decimals, locale);
  return (
    <g className="crosshair" pointerEvents="none">
      <line x1={at} x2={at} y1={plot.y} y2={plot.y + plot.height} {...dash} />
      {y !== null && tag !== null && (
        <>
          <Across y={y} g={g} {...dash} />
          <rect
            x={plot.x + plot.width + 2}
            y={y - 9}
            width={tag.length * 7 + 8}
            height={18}
            rx={3}
            fill={COLORS.tag}
          />
          <text x={plot.x + plot.width + 6} y={y} dy="0.35em" fontSize={11} fill={COLORS.tagText}>
            {tag}
          </text>
        </>
      )}
    </g>
  );
}

/** The price axis on the right, with faint lines across the plot at its ticks. */
export const PriceAxis = memo(function PriceAxis({
  ticks,
  decimals,
  g,
  locale,
}: {
  ticks: readonly number[];
  decimals: number;
  g: Geometry;
  locale: string;
}) {
  const { plot } = g;
  return (
    <g className="price-axis" aria-hidden="true">
      {ticks.map((tick) => {
        const y = g.price(tick);
        return (
          <g key={tick}>
            <Across y={y} g={g} stroke={COLORS.line} strokeWidth={1} opacity={0.6} />
            <text x={plot.x + plot.width + 6} y={y} dy="0.35em" fontSize={11} fill={COLORS.axis}>
              {formatPrice(tick, decimals, locale)}
            </text>
          </g>
        );
      })}
    </g>
  );
});

/** The time axis below the plot: labels no closer than `gap` pixels, none cut off at the edges. */
export const TimeAxis = memo(function TimeAxis({
  ticks,
  timeframe,
  g,
  locale,
  gap = 56,
}: {
  ticks: readonly number[];
  timeframe: Timeframe;
  g: Geometry;
  locale: string;
  gap?: number;
}) {
  const { plot } = g;
  const bottom = plot.y + plot.height;
  const shown: number[] = [];
  for (const t of ticks) {
    const x = g.x(t);
    if (x < plot.x + gap / 2 || x > plot.x + plot.width - gap / 2) continue;
    const last = shown.at(-1);
    if (last === undefined || x - g.x(last) >= gap) shown.push(t);
  }
  return (
    <g className="time-axis" aria-hidden="true">
      <Across y={bottom} g={g} stroke={COLORS.line} strokeWidth={1} />
      {shown.map((t) => (
        <text key={t} x={g.x(t)} y={bottom + 16} textAnchor="middle" fontSize={11} fill={COLORS.axis}>
          {candleTimeLabel(t, timeframe, true, locale)}
        </text>
      ))}
    </g>
  );
});
