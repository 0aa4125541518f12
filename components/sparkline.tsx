/** A tiny inline SVG line of recent prices: far cheaper than a chart library for one per table row. */
import { memo, useMemo } from 'react';

/** Most points drawn: about one per pixel of the default width. */
const MAX_POINTS = 90;

interface SparklineProps {
  points: ReadonlyArray<readonly [number, number]> | undefined;
  width?: number;
  height?: number;
  /** As wide as its container (the drawing stretched, the stroke not), with up to `maxPoints` points. */
  fluid?: boolean;
  maxPoints?: number;
}

/** Draws `points` ([time, price], oldest first) green when the last is at or above the first, else red. */
export const Sparkline = memo(function Sparkline({
  points,
  width = 88,
  height = 24,
  fluid = false,
  maxPoints = MAX_POINTS,
}: SparklineProps) {
  const line = useMemo(
    () => toPolyline(points ?? [], width, height, maxPoints),
    [points, width, height, maxPoints],
  );
  if (!line) return <svg width={fluid ? '100%' : width} height={height} aria-hidden="true" />;
  return (
    <svg
      width={fluid ? '100%' : width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio={fluid ? 'none' : undefined}
      aria-hidden="true"
      style={{ display: 'block' }}
    >
      <polyline
        points={line.points}
        fill="none"
        stroke={line.up ? 'var(--up)' : 'var(--down)'}
        strokeWidth="1.25"
        strokeLinejoin="round"
        vectorEffect={fluid ? 'non-scaling-stroke' : undefined}
      />
    </svg>
  );
});

function toPolyline(
  points: ReadonlyArray<readonly [number, number]>,
  width: number,
  height: number,
  maxPoints: number,
): { points: string; up: boolean } | null {
  if (points.length < 2) return null;
  const stride = Math.ceil(points.length / maxPoints);
  const picked = points.filter((_, i) => i % stride === 0 || i === points.length - 1);
  let min = Infinity;
  let max = -Infinity;
  for (const [, price] of picked) {
    min = Math.min(min, price);
    max = Math.max(max, price);
  }
  const span = max - min || 1;
  const pad = 2;
  const step = (width - 2 * pad) / (picked.length - 1);
  const coords = picked.map(([, price], i) => {
    const x = pad + i * step;
    const y = max === min ? height / 2 : pad + (1 - (price - min) / span) * (height - 2 * pad);
    return `${x.toFixed(1)},${y.toFixed(1)}`;
  });
  const first = picked[0]?.[1] ?? 0;
  const last = picked.at(-1)?.[1] ?? 0;
  return { points: coords.join(' '), up: last >= first };
}
