'use client';
/**
 * Candlesticks with volume below, of one market and timeframe: history from the server (H4) with the live candle
 * on top (K5). Drag (mouse or finger) pans, the wheel zooms, and panning past the oldest candle loads older
 * ones; hovering or tapping shows the crosshair and the candle's O/H/L/C/V.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent, WheelEvent as ReactWheelEvent } from 'react';
import { Bar, ComposedChart, Tooltip, XAxis, YAxis } from 'recharts';
import { drawnCandles } from '@/client/candle-series';
import type { CandleSeries } from '@/client/candle-series';
import { formatPrice } from '@/client/format';
import type { CandleRow } from '@/lib/protocol';
import type { Timeframe } from '@/lib/timeframes';
import { candleTimeLabel, formatVolume } from './candle-format';
import styles from './chart-panel.module.css';
import { priceAxis } from './price-axis';

// Literal colours: SVG presentation attributes are not the place to rely on CSS variables.
const COLORS = { up: '#16c784', down: '#ea3943', axis: '#8b95a7', line: '#2a3341', cross: '#8b95a7' };

/** Candles shown at first, and the bounds of zooming. */
const VIEW = { initial: 90, min: 20, max: 400 };

interface Datum {
  t: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  range: [number, number];
  live: boolean;
}

const toDatum = (row: CandleRow, liveFrom: number | null): Datum => ({
  t: row[0],
  open: row[1],
  high: row[2],
  low: row[3],
  close: row[4],
  volume: row[5],
  range: [row[3], row[2]],
  live: liveFrom !== null && row[0] >= liveFrom,
});

interface ShapeProps {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  payload?: Datum;
}

/** One candle: the wick over the range bar recharts places (low to high), the body from open to close. */
function CandleShape({ x = 0, y = 0, width = 0, height = 0, payload }: ShapeProps) {
  if (!payload) return null;
  const { open, high, low, close } = payload;
  const span = high - low;
  const at = (v: number) => (span > 0 ? y + ((high - v) / span) * height : y + height / 2);
  const color = close >= open ? COLORS.up : COLORS.down;
  const top = at(Math.max(open, close));
  const body = Math.max(1, at(Math.min(open, close)) - top);
  const bodyWidth = Math.max(1, width * 0.7);
  const mid = x + width / 2;
  return (
    <g className="candle" data-live={payload.live ? 'true' : undefined} opacity={payload.live ? 0.85 : 1}>
      <line x1={mid} x2={mid} y1={y} y2={y + height} stroke={color} strokeWidth={1} />
      <rect x={mid - bodyWidth / 2} y={top} width={bodyWidth} height={body} fill={color} />
    </g>
  );
}

/** A volume bar in its candle's colour, faint so that the prices stay in front. */
function VolumeShape({ x = 0, y = 0, width = 0, height = 0, payload }: ShapeProps) {
  if (!payload || height <= 0) return null;
  const color = payload.close >= payload.open ? COLORS.up : COLORS.down;
  return <rect x={x + width * 0.15} y={y} width={width * 0.7} height={height} fill={color} opacity={0.3} />;
}

/** The candles of `series`; `onOlder` asks for the page before the oldest candle held. */
export const CandleChart = memo(function CandleChart({
  series,
  timeframe,
  decimals,
  title,
  onOlder,
}: {
  series: CandleSeries;
  timeframe: Timeframe;
  decimals: number;
  title: string;
  onOlder(): void;
}) {
  const all = useMemo(() => {
    const { rows, liveFrom } = drawnCandles(series);
    return rows.map((row) => toDatum(row, liveFrom));
  }, [series]);
  // The view counts from the newest candle, so live candles and older pages keep what the user looks at.
  const [view, setView] = useState({ end: 0, count: VIEW.initial });
  const [active, setActive] = useState<number | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; end: number; moved: boolean } | null>(null);

  const end = Math.min(view.end, Math.max(0, all.length - VIEW.min));
  const stop = all.length - end;
  const start = Math.max(0, stop - view.count);
  const data = useMemo(() => all.slice(start, stop), [all, start, stop]);
  const axis = useMemo(
    () => priceAxis(Math.min(...data.map((d) => d.low)), Math.max(...data.map((d) => d.high)), decimals),
    [data, decimals],
  );
  const maxVolume = useMemo(() => Math.max(1e-12, ...data.map((d) => d.volume)), [data]);

  // At the left edge with more to load: ask once per oldest candle.
  const asked = useRef<number | null>(null);
  const oldest = all[0]?.t ?? null;
  useEffect(() => {
    if (start > 5 || !series.more || oldest === null || asked.current === oldest) return;
    asked.current = oldest;
    onOlder();
  }, [start, series.more, oldest, onOlder]);

  const perCandle = () => (frame.current?.clientWidth ?? 600) / Math.max(1, data.length);
  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    drag.current = { x: e.clientX, end, moved: false };
    e.currentTarget.setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    const shift = Math.round((e.clientX - d.x) / perCandle());
    if (shift !== 0) d.moved = true;
    const next = Math.min(Math.max(0, d.end + shift), Math.max(0, all.length - VIEW.min));
    setView((v) => (v.end === next ? v : { ...v, end: next }));
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onWheel = (e: ReactWheelEvent<HTMLDivElement>) => {
    if (e.deltaY === 0) return;
    const factor = e.deltaY > 0 ? 1.2 : 1 / 1.2;
    setView((v) => ({
      ...v,
      count: Math.round(Math.min(VIEW.max, Math.max(VIEW.min, v.count * factor))),
    }));
  };

  const shown = active !== null ? data[active] : data.at(-1);
  return (
    <>
      <p className={styles.readout} aria-live="off" data-testid="candle-readout">
        {shown ? (
          <>
            <span>{candleTimeLabel(shown.t, timeframe)}</span>
            <span>
              O <b>{formatPrice(shown.open, decimals)}</b>
            </span>
            <span>
              H <b>{formatPrice(shown.high, decimals)}</b>
            </span>
            <span>
              L <b>{formatPrice(shown.low, decimals)}</b>
            </span>
            <span>
              C <b>{formatPrice(shown.close, decimals)}</b>
            </span>
            <span>
              V <b>{formatVolume(shown.volume)}</b>
            </span>
            {shown.live && <span>live</span>}
          </>
        ) : null}
      </p>
      <div
        ref={frame}
        className={`${styles.frame} ${styles.candleBody}`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onPointerLeave={() => setActive(null)}
        onWheel={onWheel}
      >
        <ComposedChart
          responsive
          title={title}
          desc="Drag to see older candles; the wheel zooms. The readout above shows the candle under the pointer."
          data={data}
          margin={{ top: 8, right: 4, bottom: 4, left: 8 }}
          style={{ width: '100%', height: '100%' }}
          onMouseMove={(state) => {
            const index = Number(state.activeTooltipIndex);
            setActive(Number.isInteger(index) ? index : null);
          }}
          onClick={(state) => {
            const index = Number(state.activeTooltipIndex);
            setActive(Number.isInteger(index) ? index : null);
          }}
        >
          <XAxis
            dataKey="t"
            tickFormatter={(t: number) => candleTimeLabel(t, timeframe, true)}
            tick={{ fill: COLORS.axis, fontSize: 11 }}
            tickLine={false}
            axisLine={{ stroke: COLORS.line }}
            minTickGap={48}
            tickMargin={6}
          />
          <YAxis
            yAxisId="price"
            orientation="right"
            domain={axis.domain}
            ticks={axis.ticks}
            allowDataOverflow
            tickFormatter={(v: number) => formatPrice(v, decimals)}
            tick={{ fill: COLORS.axis, fontSize: 11 }}
            tickLine={false}
            axisLine={false}
            width={axis.width}
          />
          <YAxis yAxisId="volume" hide domain={[0, maxVolume * 4]} />
          <Tooltip
            isAnimationActive={false}
            cursor={{ stroke: COLORS.cross, strokeDasharray: '3 3' }}
            content={() => null}
          />
          <Bar
            yAxisId="volume"
            dataKey="volume"
            shape={<VolumeShape />}
            isAnimationActive={false}
            activeBar={false}
          />
          <Bar
            yAxisId="price"
            dataKey="range"
            shape={<CandleShape />}
            isAnimationActive={false}
            activeBar={false}
          />
        </ComposedChart>
      </div>
    </>
  );
});
