/** Price alerts: "tell me when this market's last price is above / below X" (docs/protocol.md P7). */
import { Decimal } from './portfolio/decimal';
import type { AlertCondition, PriceAlert, StreamId } from './protocol';
import { parseStreamId } from './stream-id';

/** Every condition an alert may have, for checks at the edges. */
export const ALERT_CONDITIONS = ['above', 'below'] as const satisfies readonly AlertCondition[];

/** Alerts one user may keep, triggered ones included: enough for any watchlist, small enough to check on every tick. */
export const MAX_ALERTS_PER_USER = 100;

export const MAX_ALERT_NOTE_LENGTH = 200;

/** What a client sends to set an alert; checked on the server (server/http/alert-routes.ts). */
export interface NewAlert {
  stream: StreamId;
  condition: AlertCondition;
  /** Canonical decimal string > 0. */
  price: string;
  note?: string;
}

/** True when `last` meets the alert's condition: at or above its price, or at or below it. */
export function alertMet(alert: Pick<PriceAlert, 'condition' | 'price'>, last: number): boolean {
  if (!Number.isFinite(last)) return false;
  // The tick's shortest decimal form is what the exchange sent; compare it exactly with the typed threshold.
  const cmp = new Decimal(String(last)).cmp(alert.price);
  return alert.condition === 'above' ? cmp >= 0 : cmp <= 0;
}

/** The alerts catalog's messages describeTriggered needs: the namespace's `t` (Translate<'alerts'>) fits. */
export type TriggeredText = (key: TriggeredKey, values?: Record<string, string>) => string;

type TriggeredKey = 'marketOnExchange' | 'aboveWord' | 'belowWord' | 'triggeredLine' | 'triggeredLineLast';

/**
 * One line for a notification: "BTC/USDT on binance is above 50000 (last 50012.5)". The prices are written as the
 * threshold is typed (the server's canonical decimals), in every language.
 */
export function describeTriggered(alert: PriceAlert, t: TriggeredText): string {
  const ref = parseStreamId(alert.stream);
  const values = {
    market: ref ? t('marketOnExchange', { symbol: ref.symbol, exchange: ref.exchange }) : alert.stream,
    condition: t(alert.condition === 'above' ? 'aboveWord' : 'belowWord'),
    price: alert.price,
  };
  return alert.triggeredPrice === null
    ? t('triggeredLine', values)
    : t('triggeredLineLast', { ...values, last: alert.triggeredPrice });
}
