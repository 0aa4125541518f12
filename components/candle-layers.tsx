'use client';
/**
 * What the candle chart draws inside recharts' plot, through its axes' scales: the closed candles and their
 * volume (drawn again only when they or the axes change), and the live candles and the crosshair, which read the
 * chart's moving parts from a context so that a tick redraws them alone, not the chart around them.
 */
import { createContext, memo, useContext, useEffect } from 'react';
import { usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';

// Literal colours: SVG presentation attributes are not the place to rely on CSS variables.
export const COLORS = { up: '#16c784', down: '#ea3943', axis: '#8b95a7', line: '#2a3341', cross: '#8b95a7' };

export interface Candle {
  t: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  live: boolean;
}

/** The chart's moving parts: the live candles, and the candle and height under the pointer. */
export interface Moving {
  live: readonly Candle[];
  active: Candle | null;
  pointerY: number | null;
}

export const MovingContext = createContext<Moving>({ live: [], active: null, pointerY: null });

type Scale = (value: number) => number | undefined;

/** One candle: the wick from high to low, the body from open to close, its volume below in the same colour. */
function CandleMark({
  c,
  x,
  price,
  volume,
  band,
}: {
  c: Candle;
  x: Scale;
  price: Scale;
  volume: Scale;
  band: number;
}) {
  const mid = x(c.t);
  const high = price(c.high);
  const low = price(c.low);
  const open = price(c.open);
  const close = price(c.close);
  const base = volume(0);
  const top = volume(c.volume);
  if ([mid, high, low, open, close, base, top].some((v) => v === undefined || !Number.isFinite(v)))
    return null;
  const color = c.close >= c.open ? COLORS.up : COLORS.down;
  const width = Math.max(1, band * 0.7);
  const bodyTop = Math.min(open as number, close as number);
  const body = Math.max(1, Math.abs((open as number) - (close as number)));
  const bar = Math.max(0, (base as number) - (top as number));
  return (
    <g className="candle" data-live={c.live ? 'true' : undefined} opacity={c.live ? 0.85 : 1}>
      {bar > 0 && (
        <rect
          x={(mid as number) - width / 2}
          y={(base as number) - bar}
          width={width}
          height={bar}
          fill={color}
          opacity={0.3}
        />
      )}
      <line x1={mid} x2={mid} y1={high} y2={low} stroke={color} strokeWidth={1} />
      <rect x={(mid as number) - width / 2} y={bodyTop} width={width} height={body} fill={color} />
    </g>
  );
}

/** The axes' scales and one candle's width in pixels, or null before recharts has laid the chart out. */
function useScales(step: number) {
  const x = useXAxisScale() as Scale | undefined;
  const price = useYAxisScale('price') as Scale | undefined;
  const volume = useYAxisScale('volume') as Scale | undefined;
  if (!x || !price || !volume) return null;
  const band = Math.abs((x(step) ?? 0) - (x(0) ?? 0));
  return { x, price, volume, band };
}

/** The closed candles: redrawn when they, the view or the axes change, never for a tick. */
export const ClosedCandles = memo(function ClosedCandles({
  candles,
  step,
}: {
  candles: readonly Candle[];
  step: number;
}) {
  const scales = useScales(step);
  if (!scales) return null;
  return (
    <g className="candles-closed">
      {candles.map((c) => (
        <CandleMark key={c.t} c={c} {...scales} />
      ))}
    </g>
  );
});

/** The live candles, on top of the closed ones. */
export function LiveCandles({ step }: { step: number }) {
  const { live } = useContext(MovingContext);
  const scales = useScales(step);
  if (!scales) return null;
  return (
    <g className="candles-live">
      {live.map((c) => (
        <CandleMark key={c.t} c={c} {...scales} />
      ))}
    </g>
  );
}

/** A dashed cross through the candle under the pointer and the pointer's height. */
export function Crosshair() {
  const { active, pointerY } = useContext(MovingContext);
  const x = useXAxisScale() as Scale | undefined;
  const plot = usePlotArea();
  if (!active || !x || !plot) return null;
  const at = x(active.t);
  if (at === undefined) return null;
  const dash = {
    stroke: COLORS.cross,
    strokeDasharray: '3 3',
    strokeWidth: 1,
    pointerEvents: 'none' as const,
  };
  const y = pointerY !== null && pointerY >= plot.y && pointerY <= plot.y + plot.height ? pointerY : null;
  return (
    <g className="crosshair">
      <line x1={at} x2={at} y1={plot.y} y2={plot.y + plot.height} {...dash} />
      {y !== null && <line x1={plot.x} x2={plot.x + plot.width} y1={y} y2={y} {...dash} />}
    </g>
  );
}

export interface Plot {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Hands the plot area to the pointer handlers outside the chart. */
export function PlotProbe({ onPlot }: { onPlot(plot: Plot): void }) {
  const plot = usePlotArea();
  useEffect(() => {
    if (plot) onPlot(plot);
  }, [plot, onPlot]);
  return null;
}
