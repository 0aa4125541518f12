/**
 * Fault switches of the signed endpoints: the exchange down (503, at once or after some requests), the rate
 * limit hit (429, -1003), and trades that cannot be right (what an exchange's bug or a proxy's mangling sends).
 */
import { createCountedSwitch } from '../counted-switch';

/** How a myTrades answer is spoilt: a negative commission, an absurd quantity, a commission asset that is none. */
export const TRADE_GARBAGE = ['negative-fee', 'absurd-amount', 'unknown-currency'] as const;
export type TradeGarbage = (typeof TRADE_GARBAGE)[number];

/** How an assetDividend answer is spoilt: an amount below zero, a row without its time, an asset that is none. */
export const DIVIDEND_GARBAGE = ['negative-amount', 'no-time', 'unknown-asset'] as const;
export type DividendGarbage = (typeof DIVIDEND_GARBAGE)[number];

/** The public switches; each takes effect with the next request. */
export interface AccountFaults {
  /** Every signed request answers 503 with the proxy page of an exchange that is down, until `down(false)`. */
  down(on?: boolean): void;
  /** The next `requests` signed requests are answered; every one after them is as with `down()`. */
  downAfter(requests: number): void;
  /** The first trade of the next `count` (default 1) non-empty myTrades answers is spoilt as `kind` says. */
  garbage(kind: TradeGarbage, count?: number): void;
  /** The first row of the next `count` (default 1) non-empty assetDividend answers is spoilt as `kind` says. */
  dividendGarbage(kind: DividendGarbage, count?: number): void;
  /**
   * The next `count` signed requests (default: until clearRateLimit) answer 429 with Binance's -1003 body and a
   * `Retry-After` of `retryAfterSeconds` (default 30).
   */
  rateLimit(retryAfterSeconds?: number, count?: number): void;
  clearRateLimit(): void;
}

/** The switches plus what the handler reads from them. */
export interface AccountFaultControl extends AccountFaults {
  /** Whether this request finds the exchange down; counts it toward `downAfter`. */
  isDown(): boolean;
  /** The spoiling for the next non-empty myTrades answer, consuming one, or undefined. */
  takeGarbage(): TradeGarbage | undefined;
  /** The same for the next non-empty assetDividend answer. */
  takeDividendGarbage(): DividendGarbage | undefined;
  /** The Retry-After (seconds) the next request must be refused with, consuming one, or undefined. */
  takeRateLimit(): number | undefined;
}

function positiveInteger(value: number, what: string): number {
  if (!(Number.isInteger(value) && value > 0)) {
    throw new RangeError(`demo account: ${what} must be a positive integer, got ${value}`);
  }
  return value;
}

/** Creates the switches; everything starts healthy. */
export function createAccountFaults(): AccountFaultControl {
  let down = false;
  let answeredBeforeDown: number | null = null;
  const retryAfter = createCountedSwitch<number>();
  const garbage = createCountedSwitch<TradeGarbage>();
  const dividendGarbage = createCountedSwitch<DividendGarbage>();
  return {
    down(on = true) {
      down = on;
      answeredBeforeDown = null;
    },
    downAfter(requests) {
      answeredBeforeDown = positiveInteger(requests, 'downAfter requests');
    },
    garbage(kind, count = 1) {
      if (!TRADE_GARBAGE.includes(kind))
        throw new RangeError(`demo account: unknown garbage kind ${String(kind)}`);
      garbage.set(kind, positiveInteger(count, 'garbage count'));
    },
    dividendGarbage(kind, count = 1) {
      if (!DIVIDEND_GARBAGE.includes(kind))
        throw new RangeError(`demo account: unknown dividend garbage kind ${String(kind)}`);
      dividendGarbage.set(kind, positiveInteger(count, 'dividendGarbage count'));
    },
    rateLimit(retryAfterSeconds = 30, count) {
      // Both checked before either is set: a refused call leaves the switch as it was.
      const seconds = positiveInteger(retryAfterSeconds, 'rateLimit retryAfterSeconds');
      retryAfter.set(seconds, count === undefined ? undefined : positiveInteger(count, 'rateLimit count'));
    },
    clearRateLimit: () => retryAfter.clear(),
    isDown() {
      if (answeredBeforeDown !== null) {
        if (answeredBeforeDown === 0) {
          down = true;
          answeredBeforeDown = null;
        } else answeredBeforeDown -= 1;
      }
      return down;
    },
    takeRateLimit: () => retryAfter.take(),
    takeGarbage: () => garbage.take(),
    takeDividendGarbage: () => dividendGarbage.take(),
  };
}

/** The public switches of a control, without what only the handler reads. */
export function accountSwitchesOf(control: AccountFaultControl): AccountFaults {
  const { down, downAfter, garbage, dividendGarbage, rateLimit, clearRateLimit } = control;
  return { down, downAfter, garbage, dividendGarbage, rateLimit, clearRateLimit };
}
