/** One message to one channel, whatever its kind: the sender it needs, and a result that never holds a secret. */
import type { Config } from '../../config';
import type { ChannelTarget } from './channel-kinds';
import { sendEmail } from './email';
import type { OutgoingMessage } from './message';
import { sendNtfy } from './ntfy';
import { failure, scrubFailure } from './send-result';
import type { SendResult } from './send-result';
import type { TargetPolicy } from './target-guard';
import { sendTelegram } from './telegram';
import { sendWebhook } from './webhook';

/** What every sender needs besides the channel; from the config (ALERT_*, TELEGRAM_API_URL) in the server. */
export interface SendOptions {
  /** How long one send may take in all (ALERT_SEND_TIMEOUT_SECONDS). */
  timeoutMs: number;
  policy: TargetPolicy;
  /** The Bot API's base URL (TELEGRAM_API_URL). */
  telegramApiUrl: string;
  /** The clock, for webhook signatures and Retry-After dates. */
  now?: () => number;
}

/** The send options of a server's settings. */
export const sendOptionsFrom = (
  config: Pick<Config, 'ALERT_PRIVATE_TARGETS' | 'ALERT_SEND_TIMEOUT_SECONDS' | 'TELEGRAM_API_URL'>,
): SendOptions => ({
  timeoutMs: config.ALERT_SEND_TIMEOUT_SECONDS * 1000,
  policy: { allowPrivate: config.ALERT_PRIVATE_TARGETS },
  telegramApiUrl: config.TELEGRAM_API_URL,
});

/** Sends `message` to `channel`; never throws. */
export async function sendToChannel(
  channel: ChannelTarget,
  message: OutgoingMessage,
  options: SendOptions,
): Promise<SendResult> {
  let result: SendResult;
  try {
    result = await dispatch(channel, message, options);
  } catch {
    // A sender bug must not crash the worker, nor leak what it threw (it may hold the secret).
    result = failure('FAILED', 'failed', {}, { retry: true });
  }
  return result.ok ? result : scrubFailure(result, [channel.secret]);
}

function dispatch(
  channel: ChannelTarget,
  message: OutgoingMessage,
  options: SendOptions,
): Promise<SendResult> {
  switch (channel.kind) {
    case 'webhook':
      // A webhook always has its secret: the server made it.
      return sendWebhook(channel.config, channel.secret ?? '', message, options);
    case 'ntfy':
      return sendNtfy(channel.config, channel.secret, message, options);
    case 'telegram':
      return sendTelegram(channel.config, channel.secret ?? '', message, options);
    case 'email':
      return sendEmail(channel.config, channel.secret, message, options);
  }
}
