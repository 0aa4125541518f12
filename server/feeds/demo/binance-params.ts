/** Binance's request errors and parameter readers, shared by the demo's public and signed endpoints. */

/** A refusal as Binance answers it: the HTTP status and the `{"code":...,"msg":"..."}` body. */
export class BinanceRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    msg: string,
  ) {
    super(msg);
  }
}

/** Binance's own legal range for integer parameters, quoted back in its -1100 message. */
export const INTEGER = /^[0-9]{1,20}$/;

/** -1100 for a parameter whose characters are outside `legal`. */
export function illegalCharacters(name: string, legal: RegExp): BinanceRequestError {
  return new BinanceRequestError(
    400,
    -1100,
    `Illegal characters found in parameter '${name}'; legal range is '${legal.source}'.`,
  );
}

/** -1130 for a parameter that is well formed but out of its range. */
export function invalidParameter(name: string): BinanceRequestError {
  return new BinanceRequestError(400, -1130, `Data sent for parameter '${name}' is not valid.`);
}

/** The value of a mandatory parameter, or -1102 when it is missing or empty. */
export function mandatory(query: URLSearchParams, name: string): string {
  const value = query.get(name);
  if (value === null || value === '') {
    throw new BinanceRequestError(
      400,
      -1102,
      `Mandatory parameter '${name}' was not sent, was empty/null, or malformed.`,
    );
  }
  return value;
}

/** An optional non-negative integer parameter, or -1100 when it is not one. */
export function optionalInteger(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  if (!INTEGER.test(value)) throw illegalCharacters(name, INTEGER);
  return Number(value);
}

/** `limit` within [1, max], `fallback` when absent; -1130 outside. */
export function limitParameter(query: URLSearchParams, fallback: number, max: number): number {
  const limit = optionalInteger(query, 'limit') ?? fallback;
  if (limit < 1 || limit > max) throw invalidParameter('limit');
  return limit;
}
