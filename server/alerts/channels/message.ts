/**
 * What a channel receives (docs/alert-channels.md N1): an event with a title and one line of text, worded in the
 * owner's language when the delivery is queued, so a retry hours later says the same thing.
 */
import { describeTriggered } from '../../../lib/alerts';
import { CATALOGS } from '../../../lib/i18n/catalogs';
import type { LocaleChoice } from '../../../lib/i18n/locales';
import { createTranslator } from '../../../lib/i18n/translate';
import type { Alert } from '../../../lib/protocol';
import { ENGLISH, text, wordText } from '../../errors';

/** The kinds of event a channel receives. */
export type ChannelEventType = 'alert.triggered' | 'channel.test';

/** A message as queued: everything but its id, which is the delivery's (the same on every retry). */
export interface ChannelMessage {
  type: ChannelEventType;
  /** When the event happened (ms since the epoch): the alert's firing, or the test's request. */
  createdAt: number;
  title: string;
  text: string;
  alert?: Alert;
}

/** A queued message with the id a receiver drops duplicates by. */
export type OutgoingMessage = ChannelMessage & { id: string };

/** The message of a fired alert: "BTC/USDT on binance is above 50000 (last 50012.5)". */
export function alertMessage(alert: Alert, locale: LocaleChoice = ENGLISH): ChannelMessage {
  const translate = createTranslator(CATALOGS[locale.language], locale);
  const line = describeTriggered(alert, (key, values) => translate('alerts', key, values));
  return {
    type: 'alert.triggered',
    createdAt: alert.triggeredAt ?? alert.createdAt,
    title: wordText(text('channels', 'alertTitle'), locale),
    text: alert.note ? `${line}: ${alert.note}` : line,
    alert,
  };
}

/** The message a user sends to check that a channel works. */
export function testMessage(now: number, locale: LocaleChoice = ENGLISH): ChannelMessage {
  return {
    type: 'channel.test',
    createdAt: now,
    title: wordText(text('channels', 'testTitle'), locale),
    text: wordText(text('channels', 'testText'), locale),
  };
}

/** The JSON a webhook receives: the documented fields, in a stable order. */
export function webhookBody(message: OutgoingMessage): string {
  const { id, type, createdAt, alert, text: line } = message;
  return JSON.stringify(
    alert ? { id, type, createdAt, alert, text: line } : { id, type, createdAt, text: line },
  );
}
