/** The Livefolio socket contract: event maps and payloads shared by the server and every client (docs/protocol.md). */

/** Bumped on any change a deployed client could notice. */
export const PROTOCOL_VERSION = 1;

/** `"<exchange>:<BASE/QUOTE>"`, e.g. `binance:BTC/USDT`; the symbol is ccxt's unified one, case-sensitive. */
export type StreamId = string;

/** The prices of one market as the server holds them; field names are ccxt's unified ticker fields. */
export interface Ticker {
  last: number | null;
  bid: number | null;
  ask: number | null;
  high: number | null;
  low: number | null;
  open: number | null;
  /** 24h change in percent. */
  percentage: number | null;
  baseVolume: number | null;
  quoteVolume: number | null;
  /** Exchange time of the tick, ms since the epoch (the receive time when the exchange gives none). */
  timestamp: number;
  /** Server time the tick was received, ms since the epoch. */
  receivedAt: number;
  /** True while the value is not known to be current (feed stalled or down, or the latest tick was invalid). */
  stale: boolean;
}

/** The fields of a ticker that changed; values are absolute (MERGE semantics), never deltas. */
export type TickerChanges = Partial<Ticker>;

/** One candle as `[openTime, open, high, low, close, volume]`: times in ms, prices in the quote currency. */
export type CandleRow = [number, number, number, number, number, number];

/** The candle of a candle stream that is still open, and the latest closed one (docs/protocol.md K2). */
export interface LiveCandle {
  /** Open time of the period it covers (ms, UTC grid). */
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  /** The exchange's own volume of the period so far, in the base currency; null until it has told (K3). */
  volume: number | null;
  /** The latest closed candle as the exchange reports it: final, never changed (K4); null until known. */
  closed: CandleRow | null;
  /** True while its prices are not known to be current (the market's ticker is stale). */
  stale: boolean;
}

/** The fields of a live candle that changed; values are absolute (MERGE semantics). */
export type LiveCandleChanges = Partial<LiveCandle>;

/** Full state of a client's subscription; replaces whatever the client held. */
export interface MarketSnapshot {
  epoch: string;
  seq: number;
  /** Streams subscribed but without a tick yet are absent; their first diff carries every field. */
  tickers: Record<StreamId, Ticker>;
  /** Present when the subscription holds candle streams (K2): the live candle of each that has one. */
  candles?: Record<StreamId, LiveCandle>;
}

/** A window's changes for a client's subscription; `seq` is the previous message's seq + 1 within `epoch`. */
export interface MarketDiff {
  epoch: string;
  seq: number;
  changes: Record<StreamId, TickerChanges>;
  /** Present when a candle stream changed in the window (K2). */
  candles?: Record<StreamId, LiveCandleChanges>;
}

export type FeedState = 'connecting' | 'live' | 'stale' | 'down';

/** How a feed takes its data from the exchange. */
export type FeedMode = 'watchTickers' | 'watchTicker' | 'poll';

/** Freshness of one watched stream (F4-F8): `quiet` is a healthy stream whose market has not traded for a while. */
export type StreamState = 'live' | 'stale' | 'quiet' | 'unpriced';

/** The health of one watched stream, as its feed judges it. */
export interface StreamHealth {
  state: StreamState;
  /** Why, in words (the exchange's own refusal where it gave one); null when live. */
  reason: string | null;
  /** Server time (ms) the stream entered this state. */
  since: number;
  /** Where its prices come from: the exchange's stream, or REST polling after the stream gave none (F7). */
  via: 'stream' | 'poll';
}

/** Health of one exchange feed. */
export interface FeedStatus {
  exchange: string;
  state: FeedState;
  /** True when the feed comes from the built-in demo exchange: its prices are not real. */
  simulated: boolean;
  mode: FeedMode | null;
  lastTickAt: number | null;
  reconnects: number;
  invalidTicks: number;
  lastError: { message: string; at: number } | null;
  /** Number of markets loaded from the exchange. */
  markets: number;
  /** By symbol, the watched streams that are not plainly live (any state but `live`, or priced by polling). */
  streams: Record<string, StreamHealth>;
}

export interface FeedsStatus {
  feeds: FeedStatus[];
}

export interface Watchlist {
  streams: StreamId[];
}

/** What the server tells a client as soon as it connects. */
export interface ServerHello {
  protocol: number;
  serverTime: number;
  /** True when any configured feed is simulated. */
  simulated: boolean;
  limits: {
    maxStreams: number;
    maxFrequency: number;
    defaultFrequency: number;
  };
}

export type ErrorCode =
  | 'BAD_REQUEST'
  | 'UNKNOWN_EXCHANGE'
  | 'UNKNOWN_SYMBOL'
  | 'TOO_MANY_STREAMS'
  | 'EXCHANGE_UNAVAILABLE'
  | 'RATE_LIMITED'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'INTERNAL';

export interface ProtocolError {
  code: ErrorCode;
  message: string;
  /** With RATE_LIMITED: when to try again. */
  retryAfterMs?: number;
}

/** Every request is answered through its acknowledgement with this shape. */
export type Ack<T extends object> = ({ ok: true } & T) | { ok: false; error: ProtocolError };

/** A client's subscription as the server applies it. */
export interface Subscription {
  streams: StreamId[];
  /** Effective messages per second: the requested rate rounded down to a server step, capped. */
  maxFrequency: number;
}

export type SnapshotAck = Ack<{ snapshot: MarketSnapshot; subscription: Subscription }>;
export type WatchlistAck = Ack<{ watchlist: Watchlist }>;

export interface SubscribeRequest {
  streams: StreamId[];
  /** Messages per second wanted; the server caps it at its own maximum. */
  maxFrequency?: number;
}

export interface UnsubscribeRequest {
  streams: StreamId[];
}

export interface WatchlistChangeRequest {
  stream: StreamId;
}

export type EmptyRequest = Record<string, never>;

/** A user's price alerts (lib/alerts.ts), after any change. */
export interface AlertsChanged {
  alerts: Alert[];
}

/** Why a session ended: signed out (in any tab), past its lifetime, or its personal access token revoked (A10). */
export interface SessionEnded {
  reason: 'signed-out' | 'expired' | 'revoked';
}

export interface ClientToServerEvents {
  'market:subscribe': (req: SubscribeRequest, ack: (res: SnapshotAck) => void) => void;
  'market:unsubscribe': (req: UnsubscribeRequest, ack: (res: SnapshotAck) => void) => void;
  'market:resync': (req: EmptyRequest, ack: (res: SnapshotAck) => void) => void;
  'watchlist:get': (req: EmptyRequest, ack: (res: WatchlistAck) => void) => void;
  'watchlist:add': (req: WatchlistChangeRequest, ack: (res: WatchlistAck) => void) => void;
  'watchlist:remove': (req: WatchlistChangeRequest, ack: (res: WatchlistAck) => void) => void;
}

export interface ServerToClientEvents {
  'server:hello': (hello: ServerHello) => void;
  'market:diff': (diff: MarketDiff) => void;
  'market:snapshot': (snapshot: MarketSnapshot) => void;
  'feeds:status': (status: FeedsStatus) => void;
  'watchlist:changed': (watchlist: Watchlist) => void;
  /** A request the server could not answer through an acknowledgement (none was given). */
  'protocol:error': (error: ProtocolError & { event: string }) => void;
  /** The connection's session is over; the server closes the connection next. Sign in again; do not retry. */
  'session:ended': (ended: SessionEnded) => void;
  /** The server is stopping (a restart or a deploy); the connection closes next and the client reconnects. */
  'server:shutdown': (notice: { reason: 'shutdown' }) => void;
  /** One of the user's price alerts fired (P7); sent once, to the connections open at that moment. */
  'alert:triggered': (triggered: { alert: Alert }) => void;
  /** The user's alerts changed in any tab or fired: the whole list. */
  'alerts:changed': (changed: AlertsChanged) => void;
}

/** When a price or portfolio alert fires: at or above its level, or at or below it (lib/alerts.ts checks it). */
export type AlertCondition = 'above' | 'below';

/** Which way a move alert watches: a rise, a fall, or either. */
export type MoveDirection = 'up' | 'down' | 'any';

/** The windows a move alert measures over. */
export type MoveWindow = '5m' | '15m' | '1h' | '4h' | '24h';

/** What every alert has, whatever it watches (P7). Decimals are strings. */
interface AlertBase {
  id: string;
  note: string | null;
  /** The alert channels (N1) it is sent to besides the open tabs; ids of the owner's channels. */
  channels: string[];
  createdAt: number;
  /** Server time of the tick (or the valuation) that met the condition; null while the alert waits. */
  triggeredAt: number | null;
  /** The last price (a portfolio alert: the portfolio's value) that met it. */
  triggeredPrice: string | null;
}

/** A market's last price at or above / at or below `price`. */
export interface PriceLevelAlert extends AlertBase {
  kind: 'price';
  stream: StreamId;
  condition: AlertCondition;
  price: string;
}

/** A market moving by `percent` or more within `window`: up from its low, down from its high, or either. */
export interface MoveAlert extends AlertBase {
  kind: 'move';
  stream: StreamId;
  direction: MoveDirection;
  percent: string;
  window: MoveWindow;
  /** The move that met it, in percent, signed (`"-5.21"`); null while the alert waits. */
  triggeredChange: string | null;
}

/** The user's portfolio value, in `currency`, at or above / at or below `value`. */
export interface PortfolioAlert extends AlertBase {
  kind: 'portfolio';
  condition: AlertCondition;
  value: string;
  currency: string;
}

/** An alert as the API and the socket send it. */
export type Alert = PriceLevelAlert | MoveAlert | PortfolioAlert;

/** The kinds of alert. */
export type AlertKind = Alert['kind'];
