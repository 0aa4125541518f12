/** Binance's used-weight counters: each minute's request weight, reported back in response headers. */

/** Adds a request's weight to the current minute and names the headers that report the total. */
export interface WeightMeter {
  add(weight: number): Record<string, string>;
}

/** A counter that starts afresh every clock minute, reported under every name in `headers`. */
export function createWeightMeter(now: () => number, headers: readonly string[]): WeightMeter {
  let minute = 0;
  let used = 0;
  return {
    add(weight) {
      const current = Math.floor(now() / 60_000);
      used = current === minute ? used + weight : weight;
      minute = current;
      return Object.fromEntries(headers.map((name) => [name, String(used)]));
    },
  };
}

/** The headers of Binance's spot `/api/` weight: one budget per IP for public and signed requests alike. */
export const API_WEIGHT_HEADERS = ['x-mbx-used-weight', 'x-mbx-used-weight-1m'] as const;

/** The header of Binance's `/sapi/` weight, counted apart from the spot API's. */
export const SAPI_WEIGHT_HEADERS = ['x-sapi-used-ip-weight-1m'] as const;
