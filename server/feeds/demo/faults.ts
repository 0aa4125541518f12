/** Fault switches of the demo exchange: what tests and demos flip to make the feed misbehave on purpose. */
import { createCountedSwitch } from './counted-switch';

/** How an outgoing ticker is corrupted (only what is sent; the simulator's state never changes). */
export type GarbageKind =
  'html' | 'wrong-types' | 'negative-price' | 'huge-number' | 'bid-above-ask' | 'truncated-json';

/** Every GarbageKind, for validation and for tests that go through them all. */
export const GARBAGE_KINDS: readonly GarbageKind[] = [
  'html',
  'wrong-types',
  'negative-price',
  'huge-number',
  'bid-above-ask',
  'truncated-json',
];

/** How one candle of an outgoing candle answer is spoilt (what the candle check must drop). */
export type CandleGarbageKind =
  'malformed' | 'non-positive-price' | 'high-low' | 'negative-volume' | 'off-grid' | 'future' | 'duplicate';

/** Every CandleGarbageKind. */
export const CANDLE_GARBAGE_KINDS: readonly CandleGarbageKind[] = [
  'malformed',
  'non-positive-price',
  'high-low',
  'negative-volume',
  'off-grid',
  'future',
  'duplicate',
];

/** The public fault switches; each takes effect immediately. */
export interface DemoFaults {
  /**
   * Keeps every socket open but sends nothing more, and freezes the model so REST answers do not change. Resolves
   * once every connected client has read what was sent before it, so nothing of the exchange arrives after.
   */
  stall(): Promise<void>;
  resume(): void;
  /** Terminates every WebSocket abruptly (clients see a close without a close frame). */
  dropConnections(): void;
  /** The next `count` REST requests (default: until clearHttpErrors) answer `status` with an HTML body. */
  httpErrors(status: number, count?: number): void;
  clearHttpErrors(): void;
  /** The next `count` (default 1) ticker messages, WebSocket frames or REST ticker answers, are corrupted. */
  garbage(kind: GarbageKind, count?: number): void;
  /** The next `count` (default 1) candle answers (klines, candles, OHLC) each carry one spoilt candle. */
  candleGarbage(kind: CandleGarbageKind, count?: number): void;
  /**
   * WebSocket subscriptions to this unified symbol are refused the way the exchange refuses an unknown pair (or, where
   * the exchange acknowledges anything, acknowledged and never served); REST still serves the market. `false` undoes it.
   */
  refuseSymbol(symbol: string, refused?: boolean): void;
  /** No trades on this unified symbol's market (no ticker messages) while heartbeats go on; `false` undoes it. */
  quiet(symbol: string, quiet?: boolean): void;
}

/** The switches plus what the servers read from them. */
export interface FaultControl extends DemoFaults {
  isStalled(): boolean;
  /** The status the next REST request must answer with, consuming one, or undefined. */
  takeHttpError(): number | undefined;
  /** The corruption for the next ticker message, consuming one, or undefined. */
  takeGarbage(): GarbageKind | undefined;
  /** The corruption for the next candle answer, consuming one, or undefined. */
  takeCandleGarbage(): CandleGarbageKind | undefined;
  isRefused(symbol: string): boolean;
  isQuiet(symbol: string): boolean;
}

/** What the servers do when a switch flips. */
export interface FaultHooks {
  dropConnections(): void;
  resumed(): void;
  /** Resolves once every client has read what was sent so far. */
  delivered(): Promise<void>;
}

function checkCount(count: number | undefined, what: string): void {
  if (count !== undefined && !(Number.isInteger(count) && count > 0)) {
    throw new RangeError(`demo exchange: ${what} count must be a positive integer, got ${count}`);
  }
}

/** Queues `count` of a known kind of corruption for the next messages. */
function enqueue<K extends string>(
  queue: K[],
  known: readonly K[],
  kind: K,
  count: number,
  what: string,
): void {
  if (!known.includes(kind)) throw new RangeError(`demo exchange: unknown ${what} kind ${kind}`);
  checkCount(count, what);
  for (let i = 0; i < count; i++) queue.push(kind);
}

/** Creates the fault state; everything starts healthy. */
export function createFaults(hooks: FaultHooks): FaultControl {
  let stalled = false;
  const httpError = createCountedSwitch<number>();
  const garbageQueue: GarbageKind[] = [];
  const candleGarbageQueue: CandleGarbageKind[] = [];
  const refused = new Set<string>();
  const quiet = new Set<string>();
  const toggle = (set: Set<string>, symbol: string, on: boolean) => {
    if (on) set.add(symbol);
    else set.delete(symbol);
  };

  return {
    stall() {
      stalled = true;
      return hooks.delivered();
    },
    resume() {
      if (!stalled) return;
      stalled = false;
      hooks.resumed();
    },
    dropConnections() {
      hooks.dropConnections();
    },
    httpErrors(status, count) {
      if (!(Number.isInteger(status) && status >= 400 && status <= 599)) {
        throw new RangeError(`demo exchange: httpErrors status must be 400-599, got ${status}`);
      }
      checkCount(count, 'httpErrors');
      httpError.set(status, count);
    },
    clearHttpErrors: () => httpError.clear(),
    garbage: (kind, count = 1) => enqueue(garbageQueue, GARBAGE_KINDS, kind, count, 'garbage'),
    candleGarbage: (kind, count = 1) =>
      enqueue(candleGarbageQueue, CANDLE_GARBAGE_KINDS, kind, count, 'candleGarbage'),
    isStalled: () => stalled,
    takeHttpError: () => httpError.take(),
    takeGarbage: () => garbageQueue.shift(),
    takeCandleGarbage: () => candleGarbageQueue.shift(),
    refuseSymbol: (symbol, on = true) => toggle(refused, symbol, on),
    quiet: (symbol, on = true) => toggle(quiet, symbol, on),
    isRefused: (symbol) => refused.has(symbol),
    isQuiet: (symbol) => quiet.has(symbol),
  };
}

// Every public switch, by name: what switchesOf hands out.
const SWITCHES = [
  'stall',
  'resume',
  'dropConnections',
  'httpErrors',
  'clearHttpErrors',
  'garbage',
  'candleGarbage',
  'refuseSymbol',
  'quiet',
] as const satisfies ReadonlyArray<keyof DemoFaults>;

/** The public switches of a fault control, without what only the servers read. */
export function switchesOf(control: FaultControl): DemoFaults {
  // The switches are closures over the fault state, not methods: taking them off the object is safe.
  return Object.fromEntries(SWITCHES.map((name) => [name, control[name]])) as unknown as DemoFaults;
}
