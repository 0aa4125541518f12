'use client';
/**
 * Candlesticks with volume below, of one market and timeframe: history from the server (H4) with the live candle
 * on top (K5). Drag (mouse or finger) pans, the wheel zooms, and panning past the oldest candle loads older
 * ones; hovering or tapping shows the crosshair and the candle's O/H/L/C/V.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type {
  KeyboardEvent as ReactKeyboardEvent,
  RefObject,
  PointerEvent as ReactPointerEvent,
  WheelEvent as ReactWheelEvent,
} from 'react';
import { drawnCandles } from '@/client/candle-series';
import type { CandleSeries } from '@/client/candle-series';
import { formatPrice } from '@/client/format';
import { useFormatLocale, useT } from '@/client/i18n/provider';
import type { CandleRow } from '@/lib/protocol';
import { timeframeMs } from '@/lib/timeframes';
import type { Timeframe } from '@/lib/timeframes';
import { candleTimeLabel, formatVolume } from './candle-format';
import { geometry } from './candle-geometry';
import { ClosedCandles, Crosshair, LiveCandles, PriceAxis, TimeAxis } from './candle-layers';
import type { Candle } from './candle-layers';
import styles from './chart-panel.module.css';
import { priceAxis } from './price-axis';
import { timeTicks } from './time-ticks';

/** Candles shown at first, and the bounds of zooming. */
const VIEW = { initial: 90, min: 20, max: 400 };
/** The narrowest a candle starts at, in pixels. */
const CANDLE_PX = 8;

/** A number of candles to show, within the bounds of zooming. */
const viewCount = (count: number) => Math.round(Math.min(VIEW.max, Math.max(VIEW.min, count)));

const toCandle = (row: CandleRow, liveFrom: number | null): Candle => ({
  t: row[0],
  open: row[1],
  high: row[2],
  low: row[3],
  close: row[4],
  volume: row[5],
  live: liveFrom !== null && row[0] >= liveFrom,
});

/** The axis held while its values stay the same, so that the chart around it is not drawn again. */
function useSameAxis(axis: ReturnType<typeof priceAxis>) {
  const key = `${axis.domain.join(':')}|${axis.ticks.join(',')}|${axis.width}`;
  const [held, setHeld] = useState({ key, axis });
  if (held.key !== key) {
    setHeld({ key, axis });
    return axis;
  }
  return held.axis;
}

/** The size of an element, followed as it changes (0 × 0 until it is laid out). */
function useSize(ref: RefObject<HTMLElement | null>) {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const width = Math.round(entry.contentRect.width);
      const height = Math.round(entry.contentRect.height);
      setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/** The candle nearest to time `t` among `candles` (oldest first). */
function nearest(candles: readonly Candle[], t: number): Candle | null {
  let best: Candle | null = null;
  for (const c of candles) if (!best || Math.abs(c.t - t) < Math.abs(best.t - t)) best = c;
  return best;
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
  const t = useT('chart');
  // Context, not a prop from the pane: both change only when the page's language does, never with a tick.
  const locale = useFormatLocale();
  const step = timeframeMs(timeframe);
  const drawn = useMemo(() => drawnCandles(series), [series]);
  const closedAll = useMemo(() => series.rows.map((row) => toCandle(row, null)), [series.rows]);
  const live = useMemo(
    () => drawn.rows.slice(closedAll.length).map((row) => toCandle(row, drawn.liveFrom)),
    [drawn, closedAll.length],
  );
  const total = closedAll.length + live.length;
  // The view counts from the newest candle, so live candles and older pages keep what the user looks at.
  const [view, setView] = useState({ end: 0, count: VIEW.initial });
  const [pointer, setPointer] = useState<{ t: number; y: number } | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  const size = useSize(frame);
  const drag = useRef<{ x: number; end: number; moved: boolean } | null>(null);
  const touches = useRef(new Map<number, number>());
  const pinch = useRef<{ distance: number; count: number } | null>(null);

  const end = Math.min(view.end, Math.max(0, total - VIEW.min));
  const stop = total - end;
  const start = Math.max(0, stop - view.count);
  // The closed candles in view keep their identity while only the live candle moves.
  const closed = useMemo(
    () => closedAll.slice(start, Math.min(stop, closedAll.length)),
    [closedAll, start, stop],
  );
  const liveShown = useMemo(
    () => live.slice(Math.max(0, start - closedAll.length), stop - closedAll.length),
    [live, start, stop, closedAll.length],
  );
  const all = useMemo(() => [...closed, ...liveShown], [closed, liveShown]);
  const first = all[0];
  const last = all.at(-1);

  // The axes change with the closed candles in view, and with the live candle only when it leaves the round
  // range of the price axis or a new one opens; the chart is drawn again only then.
  const low = Math.min(...all.map((c) => c.low));
  const high = Math.max(...all.map((c) => c.high));
  const axis = useSameAxis(priceAxis(low, high, decimals, locale));
  const maxVolume = useMemo(() => Math.max(1e-12, ...closed.map((c) => c.volume)), [closed]);
  const xFrom = first ? first.t - step / 2 : 0;
  const xTo = last ? last.t + step / 2 : 1;
  // Kept while only the live candle moves, so the layers drawn from it are kept too.
  const g = useMemo(
    () =>
      geometry(size, {
        from: xFrom,
        to: xTo,
        step,
        low: axis.domain[0],
        high: axis.domain[1],
        maxVolume,
        axisWidth: axis.width,
      }),
    [size, xFrom, xTo, step, axis, maxVolume],
  );

  // A narrow chart (a phone) starts with fewer candles, each wide enough to see and to tap.
  useEffect(() => {
    const width = frame.current?.clientWidth ?? 0;
    if (width > 0 && width / VIEW.initial < CANDLE_PX)
      setView((v) => ({ ...v, count: viewCount(width / CANDLE_PX) }));
  }, []);

  // At the left edge with more to load: ask once per oldest candle.
  const asked = useRef<number | null>(null);
  const oldest = closedAll[0]?.t ?? null;
  useEffect(() => {
    if (start > 5 || !series.more || oldest === null || asked.current === oldest) return;
    asked.current = oldest;
    onOlder();
  }, [start, series.more, oldest, onOlder]);

  /** The time and height under a client position, or null outside the plot. */
  const under = (clientX: number, clientY: number) => {
    const box = frame.current?.getBoundingClientRect();
    if (!box) return null;
    const x = clientX - box.left;
    if (x < g.plot.x || x > g.plot.x + g.plot.width) return null;
    return { t: g.timeAt(x), y: clientY - box.top };
  };
  const perCandle = () => g.plot.width / Math.max(1, stop - start);
  const showCount = (count: (shown: number) => number) =>
    setView((v) => {
      const next = viewCount(count(v.count));
      return next === v.count ? v : { ...v, count: next };
    });
  const zoom = (factor: number) => showCount((shown) => shown * factor);
  const pinchDistance = () => {
    const [a, b] = [...touches.current.values()];
    return a === undefined || b === undefined ? 0 : Math.abs(a - b);
  };
  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    touches.current.set(e.pointerId, e.clientX);
    e.currentTarget.setPointerCapture?.(e.pointerId);
    if (touches.current.size === 2) {
      // A second finger: pinch to zoom instead of panning.
      drag.current = null;
      pinch.current = { distance: pinchDistance(), count: view.count };
      return;
    }
    drag.current = { x: e.clientX, end, moved: false };
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (touches.current.has(e.pointerId)) touches.current.set(e.pointerId, e.clientX);
    const p = pinch.current;
    if (p) {
      const distance = pinchDistance();
      if (p.distance > 20 && distance > 0) showCount(() => (p.count * p.distance) / distance);
      return;
    }
    const d = drag.current;
    if (!d) {
      if (e.pointerType === 'mouse') setPointer(under(e.clientX, e.clientY));
      return;
    }
    const shift = Math.round((e.clientX - d.x) / perCandle());
    if (shift !== 0) d.moved = true;
    const next = Math.min(Math.max(0, d.end + shift), Math.max(0, total - VIEW.min));
    setView((v) => (v.end === next ? v : { ...v, end: next }));
  };
  const onPointerUp = (e: ReactPointerEvent<HTMLDivElement>) => {
    touches.current.delete(e.pointerId);
    if (touches.current.size < 2) pinch.current = null;
    // A tap (or a click without dragging) puts the crosshair there: a finger has no hover.
    if (drag.current && !drag.current.moved) setPointer(under(e.clientX, e.clientY));
    drag.current = null;
  };
  const onWheel = (e: ReactWheelEvent<HTMLDivElement>) => {
    if (e.deltaY !== 0) zoom(e.deltaY > 0 ? 1.2 : 1 / 1.2);
  };

  const active = useMemo(() => (pointer ? nearest(all, pointer.t) : null), [pointer, all]);
  const ticks = useMemo(
    () => timeTicks([...closed.map((c) => c.t), ...liveShown.map((c) => c.t)], step, 10),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the ticks change with the candles in view, not the live one's moves
    [closed, liveShown.length, step],
  );
  // Arrow keys move the crosshair from candle to candle, + and − zoom, Escape takes the crosshair away.
  const onKeyDown = (e: ReactKeyboardEvent<SVGSVGElement>) => {
    const at = active ? all.findIndex((c) => c.t === active.t) : all.length;
    const move = (index: number) => {
      const c = all[Math.max(0, Math.min(all.length - 1, index))];
      if (c) setPointer({ t: c.t, y: g.price(c.close) });
    };
    if (e.key === 'ArrowLeft') move(at - 1);
    else if (e.key === 'ArrowRight') move(at + 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(all.length - 1);
    else if (e.key === '+' || e.key === '=') zoom(1 / 1.2);
    else if (e.key === '-') zoom(1.2);
    else if (e.key === 'Escape') setPointer(null);
    else return;
    e.preventDefault();
  };

  const ready = size.width > 0 && size.height > 0;
  const shown = active ?? all.at(-1);
  return (
    <>
      <p className={styles.readout} aria-live="off" data-testid="candle-readout">
        {shown ? (
          <>
            <span>{candleTimeLabel(shown.t, timeframe, false, locale)}</span>
            {(
              [
                ['open', t('readoutOpen'), formatPrice(shown.open, decimals, locale)],
                ['high', t('readoutHigh'), formatPrice(shown.high, decimals, locale)],
                ['low', t('readoutLow'), formatPrice(shown.low, decimals, locale)],
                ['close', t('readoutClose'), formatPrice(shown.close, decimals, locale)],
                ['volume', t('readoutVolume'), formatVolume(shown.volume, locale)],
              ] as const
            ).map(([key, name, value]) => (
              <span key={key}>
                {name} <b>{value}</b>
              </span>
            ))}
            {shown.live && <span>{t('live')}</span>}
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
        onPointerLeave={(e) => {
          if (e.pointerType === 'mouse') setPointer(null);
        }}
        onWheel={onWheel}
      >
        {ready && (
          <svg
            className="candle-surface"
            role="application"
            aria-label={title}
            tabIndex={0}
            width={size.width}
            height={size.height}
            onKeyDown={onKeyDown}
          >
            <title>{title}</title>
            <desc>{t('candleHelp')}</desc>
            <PriceAxis ticks={axis.ticks} decimals={decimals} g={g} locale={locale} />
            <TimeAxis ticks={ticks} timeframe={timeframe} g={g} locale={locale} />
            <ClosedCandles candles={closed} g={g} />
            <LiveCandles candles={liveShown} g={g} />
            <Crosshair
              active={active}
              pointerY={pointer?.y ?? null}
              g={g}
              decimals={decimals}
              locale={locale}
            />
          </svg>
        )}
      </div>
    </>
  );
});
