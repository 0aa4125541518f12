/**
 * Webhook channels (docs/alert-channels.md N2): the event as JSON, signed with the channel's secret so the
 * receiver knows it came from this server and was not replayed.
 */
import { createHmac } from 'node:crypto';
import type { WebhookConfig } from './channel-kinds';
import { post } from './http-post';
import type { PostAnswer } from './http-post';
import { webhookBody } from './message';
import type { OutgoingMessage } from './message';
import { failure, retriesStatus, retryAfterMs } from './send-result';
import type { SendResult } from './send-result';
import type { SendOptions } from './send';

/**
 * `Livefolio-Signature`'s value: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. The time is inside
 * the signed bytes, so a receiver that refuses an old `t` refuses a captured request sent again.
 */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** An HTTP answer judged: 2xx delivered; 429 and 5xx retried later; any other status will not get better. */
export function judgeAnswer(answer: PostAnswer, target: string, now: number): SendResult {
  const { status } = answer;
  if (status >= 200 && status < 300) return { ok: true };
  const wait = retryAfterMs(answer.headers['retry-after'], now);
  const extra = {
    retry: retriesStatus(status),
    status,
    ...(wait === undefined ? {} : { retryAfterMs: wait }),
  };
  if (status === 429) return failure('RATE_LIMITED', 'rateLimited', { target }, extra);
  return failure('HTTP_STATUS', 'httpStatus', { target, status: String(status) }, extra);
}

/** POSTs the signed event to the webhook's URL. */
export async function sendWebhook(
  config: WebhookConfig,
  secret: string,
  message: OutgoingMessage,
  options: SendOptions,
): Promise<SendResult> {
  const now = options.now?.() ?? Date.now();
  const body = webhookBody(message);
  const result = await post({
    url: config.url,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Livefolio-Webhook/1',
      'livefolio-signature': signatureHeader(secret, body, Math.floor(now / 1000)),
      'livefolio-delivery': message.id,
      'livefolio-event': message.type,
    },
    body,
    timeoutMs: options.timeoutMs,
    policy: options.policy,
  });
  return result.ok ? judgeAnswer(result.answer, new URL(config.url).host, now) : result;
}
