/** What the alert-channel tests share: a fired alert, its message, send options that reach the stand-ins. */
import { randomUUID } from 'node:crypto';
import { wordText, ENGLISH } from '../../../server/errors';
import type { OutgoingMessage } from '../../../server/alerts/channels/message';
import { alertMessage } from '../../../server/alerts/channels/message';
import type { SendOptions } from '../../../server/alerts/channels/send';
import type { SendResult } from '../../../server/alerts/channels/send-result';
import type { Alert, PriceLevelAlert } from '../../../lib/protocol';

export const FIRED_AT = Date.UTC(2026, 2, 1, 12, 0, 0);

/** A fired "BTC/USDT above 50000" alert. */
export const firedAlert = (overrides: Partial<PriceLevelAlert> = {}): Alert => ({
  id: randomUUID(),
  kind: 'price',
  stream: 'binance:BTC/USDT',
  condition: 'above',
  price: '50000',
  note: null,
  channels: [],
  createdAt: FIRED_AT - 60_000,
  triggeredAt: FIRED_AT,
  triggeredPrice: '50012.5',
  ...overrides,
});

/** The message of a fired alert, with a delivery id. */
export const outgoing = (alert = firedAlert()): OutgoingMessage => ({
  ...alertMessage(alert),
  id: randomUUID(),
});

/** Sends to the stand-ins on 127.0.0.1: private targets allowed, a short timeout. */
export const standInOptions = (extra: Partial<SendOptions> = {}): SendOptions => ({
  timeoutMs: 2_000,
  policy: { allowPrivate: true },
  telegramApiUrl: 'http://127.0.0.1:9',
  ...extra,
});

/** A failed result's English words ('' for a success). */
export const words = (result: SendResult) => (result.ok ? '' : wordText(result.text, ENGLISH));
