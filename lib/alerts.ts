/**
 * Alerts (docs/protocol.md P7): a market's price crossing a level, a market moving by a percentage within a
 * window, or the portfolio's value crossing a level.
 */
import type { Alert, AlertCondition, MoveDirection, MoveWindow, StreamId } from './protocol';
import { parseStreamId } from './stream-id';

/** Every condition a price or portfolio alert may have, for checks at the edges. */
export const ALERT_CONDITIONS = ['above', 'below'] as const satisfies readonly AlertCondition[];

export const ALERT_KINDS = ['price', 'move', 'portfolio'] as const satisfies readonly Alert['kind'][];

export const MOVE_DIRECTIONS = ['up', 'down', 'any'] as const satisfies readonly MoveDirection[];

/** The windows a move alert measures over, and their lengths. */
export const MOVE_WINDOW_MS: Record<MoveWindow, number> = {
  '5m': 300_000,
  '15m': 900_000,
  '1h': 3_600_000,
  '4h': 14_400_000,
  '24h': 86_400_000,
};

export const MOVE_WINDOWS = Object.keys(MOVE_WINDOW_MS) as MoveWindow[];

/** The largest move an alert may ask for, in percent: a tenfold rise. */
export const MAX_MOVE_PERCENT = 1000;

/** Alerts one user may keep, triggered ones included: enough for any watchlist, small enough to check on every tick. */
export const MAX_ALERTS_PER_USER = 100;

export const MAX_ALERT_NOTE_LENGTH = 200;

/** What every new alert may carry: a note, and the channels it goes to (all the user's when left out). */
interface NewAlertBase {
  note?: string | undefined;
  channels?: string[] | undefined;
}

/** What a client sends to set an alert; checked on the server (lib/api/alerts.ts). Decimals are canonical strings. */
export type NewAlert =
  | (NewAlertBase & {
      kind?: 'price' | undefined;
      stream: StreamId;
      condition: AlertCondition;
      price: string;
    })
  | (NewAlertBase & {
      kind: 'move';
      stream: StreamId;
      direction: MoveDirection;
      percent: string;
      window: MoveWindow;
    })
  | (NewAlertBase & {
      kind: 'portfolio';
      condition: AlertCondition;
      value: string;
      /** The portfolio currency the value is in; the user's own when left out. */
      currency?: string | undefined;
    });

/** The alerts catalog's messages describeTriggered needs: the namespace's `t` (Translate<'alerts'>) fits. */
export type TriggeredText = (key: TriggeredKey, values?: Record<string, string>) => string;

type TriggeredKey =
  | 'marketOnExchange'
  | 'aboveWord'
  | 'belowWord'
  | 'triggeredLine'
  | 'triggeredLineLast'
  | 'moveUpLine'
  | 'moveDownLine'
  | 'portfolioLine'
  | `window${MoveWindow}`;

/** "BTC/USDT on binance", or the stream id itself when it is not one. */
export function marketWords(stream: StreamId, t: TriggeredText): string {
  const ref = parseStreamId(stream);
  return ref ? t('marketOnExchange', { symbol: ref.symbol, exchange: ref.exchange }) : stream;
}

/**
 * One line for a notification: "BTC/USDT on binance is above 50000 (last 50012.5)", "BTC/USDT on binance rose
 * 5.21 % within 1 hour (last 52100)", "Your portfolio is below 10000 USD (now 9987.5 USD)". Amounts are written
 * as the server sends them (canonical decimals), in every language.
 */
export function describeTriggered(alert: Alert, t: TriggeredText): string {
  const last = alert.triggeredPrice ?? '?';
  if (alert.kind === 'move') {
    const change = alert.triggeredChange ?? alert.percent;
    return t(change.startsWith('-') ? 'moveDownLine' : 'moveUpLine', {
      market: marketWords(alert.stream, t),
      change: change.replace(/^-/, ''),
      window: t(`window${alert.window}`),
      last,
    });
  }
  const condition = t(alert.condition === 'above' ? 'aboveWord' : 'belowWord');
  if (alert.kind === 'portfolio')
    return t('portfolioLine', { condition, value: alert.value, currency: alert.currency, last });
  const values = { market: marketWords(alert.stream, t), condition, price: alert.price };
  return alert.triggeredPrice === null
    ? t('triggeredLine', values)
    : t('triggeredLineLast', { ...values, last: alert.triggeredPrice });
}
