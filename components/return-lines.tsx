/**
 * The portfolio's time-weighted return and what holding BTC returned, as two lines on one percentage scale over
 * the same time: which did better, and when. Plain SVG, as the value history's line is.
 */
import { memo, useMemo } from 'react';

type Line = ReadonlyArray<readonly [number, number]>;

/** Colours told apart by more than hue: the benchmark is dashed. */
const STROKES = { portfolio: '#4c8dff', btc: '#f7931a' };

function scale(lines: readonly Line[], width: number, height: number) {
  const all = lines.flat();
  const t0 = Math.min(...all.map(([t]) => t));
  const t1 = Math.max(...all.map(([t]) => t));
  const v0 = Math.min(0, ...all.map(([, v]) => v));
  const v1 = Math.max(0, ...all.map(([, v]) => v));
  const x = (t: number) => (t1 > t0 ? ((t - t0) / (t1 - t0)) * (width - 2) + 1 : width / 2);
  const y = (v: number) => (v1 > v0 ? height - 1 - ((v - v0) / (v1 - v0)) * (height - 2) : height / 2);
  return { x, y };
}

export const ReturnLines = memo(function ReturnLines({
  portfolio,
  btc,
  width = 320,
  height = 56,
}: {
  portfolio: Line;
  btc: Line;
  width?: number;
  height?: number;
}) {
  const drawn = useMemo(() => {
    if (portfolio.length < 2 || btc.length < 2) return null;
    const { x, y } = scale([portfolio, btc], width, height);
    const path = (line: Line) => line.map(([t, v]) => `${x(t).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    return { portfolio: path(portfolio), btc: path(btc), zero: y(0) };
  }, [portfolio, btc, width, height]);
  if (!drawn) return null;
  return (
    <svg
      width="100%"
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      aria-hidden="true"
      style={{ display: 'block' }}
    >
      <line
        x1={0}
        x2={width}
        y1={drawn.zero}
        y2={drawn.zero}
        stroke="var(--border-strong)"
        strokeWidth={1}
        vectorEffect="non-scaling-stroke"
      />
      {(
        [
          [drawn.btc, STROKES.btc, 1.25, '4 3'],
          [drawn.portfolio, STROKES.portfolio, 1.5, undefined],
        ] as const
      ).map(([points, stroke, width, dash]) => (
        <polyline
          key={stroke}
          points={points}
          fill="none"
          stroke={stroke}
          strokeWidth={width}
          strokeDasharray={dash}
          vectorEffect="non-scaling-stroke"
        />
      ))}
    </svg>
  );
});

/** The colours of the two lines, for their legend. */
export const RETURN_LINE_COLORS = STROKES;
