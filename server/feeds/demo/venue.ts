/** What every simulated exchange offers, whichever public protocol it speaks (Binance, Coinbase, Kraken). */
import type { DemoFaults } from './faults';

/** Options every simulated exchange takes; every field has a default. */
export interface VenueOptions {
  /** Seed of the market model (default 42): same seed, same prices. */
  seed?: number;
  /** Loopback host to listen on (default 127.0.0.1); anything else is refused. */
  host?: string;
  /** Port (default 0 = ephemeral). */
  port?: number;
  /**
   * The time scale of the model, default 1000. Binance's streams push every tickMs; trade-driven exchanges
   * (Coinbase, Kraken) trade on average about once per tickMs per active market, at random moments.
   */
  tickMs?: number;
  /**
   * Seed of the daily history the prices start from and revert to; default `seed`. The demo gives its venues one
   * history seed and their own `seed`s, so their prices agree as real venues' do while each ticks its own way.
   */
  historySeed?: number;
  /**
   * The clock that stamps prints and ends candles (default Date.now); tests pass their own to step through
   * minutes without waiting. Timers still run on real time.
   */
  now?: () => number;
}

/** A running simulated exchange on its own loopback port. */
export interface SimulatedExchange {
  /** The ccxt id whose public protocol it speaks: `binance`, `coinbase` or `kraken`. */
  readonly id: string;
  /** Base URL without a path, e.g. `http://127.0.0.1:9100`; use it as `EXCHANGES=<id>@<url>`. */
  readonly url: string;
  readonly port: number;
  readonly faults: DemoFaults;
  /** ccxt's unified symbols of the markets it lists, e.g. `BTC/USD`. */
  symbols(): string[];
  /** Open WebSocket connections, for tests. */
  connections(): number;
  /** The unified symbols some open connection is subscribed to for tickers (any ticker channel), sorted. */
  subscribed(): string[];
  close(): Promise<void>;
}
