/**
 * Where the candle chart puts things: its plot inside the drawing, and the scales from time, price and volume
 * to pixels. Plain arithmetic on the view's bounds: the chart needs no more of a chart library than this.
 */

export interface Plot {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Geometry {
  width: number;
  height: number;
  plot: Plot;
  /** The centre of the candle opening at `t`. */
  x(t: number): number;
  price(value: number): number;
  /** The price at a pixel row. */
  priceAt(y: number): number;
  volume(value: number): number;
  /** A candle's slot width in pixels. */
  band: number;
  /** The time under a pixel column. */
  timeAt(x: number): number;
}

/** Room around the plot: the price labels on the right, the time labels below. */
const MARGIN = { top: 8, right: 6, bottom: 24, left: 8 };
/** Volume bars use the bottom quarter of the plot. */
const VOLUME_SHARE = 0.25;

export function geometry(
  size: { width: number; height: number },
  view: {
    from: number;
    to: number;
    step: number;
    low: number;
    high: number;
    maxVolume: number;
    axisWidth: number;
  },
): Geometry {
  const plot = {
    x: MARGIN.left,
    y: MARGIN.top,
    width: Math.max(1, size.width - MARGIN.left - MARGIN.right - view.axisWidth),
    height: Math.max(1, size.height - MARGIN.top - MARGIN.bottom),
  };
  const span = view.to - view.from || 1;
  const range = view.high - view.low || 1;
  const bottom = plot.y + plot.height;
  return {
    width: size.width,
    height: size.height,
    plot,
    x: (t) => plot.x + ((t - view.from) / span) * plot.width,
    price: (value) => plot.y + ((view.high - value) / range) * plot.height,
    priceAt: (y) => view.high - ((y - plot.y) / plot.height) * range,
    volume: (value) =>
      bottom - (view.maxVolume > 0 ? (value / view.maxVolume) * plot.height * VOLUME_SHARE : 0),
    band: (view.step / span) * plot.width,
    timeAt: (x) => view.from + ((x - plot.x) / plot.width) * span,
  };
}
