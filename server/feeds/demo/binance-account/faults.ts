/** Fault switches of the signed endpoints: the exchange down (503) and the rate limit hit (429, -1003). */
import { createCountedSwitch } from '../counted-switch';

/** The public switches; each takes effect with the next request. */
export interface AccountFaults {
  /** Every signed request answers 503 with the proxy page of an exchange that is down, until `down(false)`. */
  down(on?: boolean): void;
  /**
   * The next `count` signed requests (default: until clearRateLimit) answer 429 with Binance's -1003 body and a
   * `Retry-After` of `retryAfterSeconds` (default 30).
   */
  rateLimit(retryAfterSeconds?: number, count?: number): void;
  clearRateLimit(): void;
}

/** The switches plus what the handler reads from them. */
export interface AccountFaultControl extends AccountFaults {
  isDown(): boolean;
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
  const retryAfter = createCountedSwitch<number>();
  return {
    down(on = true) {
      down = on;
    },
    rateLimit(retryAfterSeconds = 30, count) {
      // Both checked before either is set: a refused call leaves the switch as it was.
      const seconds = positiveInteger(retryAfterSeconds, 'rateLimit retryAfterSeconds');
      retryAfter.set(seconds, count === undefined ? undefined : positiveInteger(count, 'rateLimit count'));
    },
    clearRateLimit: () => retryAfter.clear(),
    isDown: () => down,
    takeRateLimit: () => retryAfter.take(),
  };
}

/** The public switches of a control, without what only the handler reads. */
export function accountSwitchesOf(control: AccountFaultControl): AccountFaults {
  const { down, rateLimit, clearRateLimit } = control;
  return { down, rateLimit, clearRateLimit };
}
