/** An alert in words, for the panel's messages and button names: "BTC/USDT · Binance ±5 % in 1 hour". */
import { describeStream, exchangeName } from '@/client/format';
import type { Alert, AlertCondition, MoveDirection, StreamId } from '@/lib/protocol';
import type { Translate } from '@/lib/i18n/messages/en';

type T = Translate<'alerts'>;

/** A condition in a sentence ("… above 50000"); on its own ("Above") its key is the condition itself. */
export const CONDITION_WORDS: Record<AlertCondition, 'aboveWord' | 'belowWord'> = {
  above: 'aboveWord',
  below: 'belowWord',
};

/** A move's words ("±5 % in 1 hour") by its direction. */
export const MOVE_WORDS: Record<MoveDirection, 'moveUp' | 'moveDown' | 'moveAny'> = {
  up: 'moveUp',
  down: 'moveDown',
  any: 'moveAny',
};

/** "BTC/USDT · Binance", as the watchlist names a market. */
export function marketName(stream: StreamId): string {
  const { exchange, symbol } = describeStream(stream);
  return exchange ? `${symbol} · ${exchangeName(exchange)}` : symbol;
}

/** The alert in one line; amounts as the server sends them (canonical decimals), as the user typed them. */
export function alertName(alert: Alert, t: T): string {
  if (alert.kind === 'move')
    return t('moveName', {
      market: marketName(alert.stream),
      move: t(MOVE_WORDS[alert.direction], { percent: alert.percent, window: t(`window${alert.window}`) }),
    });
  const condition = t(CONDITION_WORDS[alert.condition]);
  if (alert.kind === 'portfolio')
    return t('portfolioName', { condition, value: alert.value, currency: alert.currency });
  return t('alertName', { market: marketName(alert.stream), condition, price: alert.price });
}
