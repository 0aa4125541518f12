/**
 * A webhook receiver as docs/alert-channels.md tells one to be written: it checks `Livefolio-Signature` (HMAC-SHA256
 * of "<t>.<raw body>" under the channel's secret, compared in constant time) and refuses a `t` more than five
 * minutes off. It can be told to fail, to hang, or to answer any status.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Arrivals, json, startHttpStandIn } from './http-stand-in';
import type { HttpStandIn } from './http-stand-in';

export interface ReceivedHook {
  deliveryId: string | undefined;
  event: string | undefined;
  body: Record<string, unknown>;
  /** The signature checked out and its time was fresh. */
  verified: boolean;
  /** What this receiver answered. */
  status: number;
}

/** What the receiver answers next: a status (with headers), or nothing ever (hang). */
export type HookAnswer = { status: number; headers?: Record<string, string> } | 'hang';

export interface WebhookReceiver extends HttpStandIn {
  received: Arrivals<ReceivedHook>;
  /** The secret the receiver checks with (the channel's, once it is made). */
  secret: string;
  /** Answers queued for the next requests; when empty, a verified request gets 204 and another 401. */
  answers: HookAnswer[];
  /** Requests that are being held open. */
  hanging: Arrivals<string | undefined>;
}

const TOLERANCE_S = 300;

/** Checks a `Livefolio-Signature` header against the raw body, as a receiver would. */
export function verifySignature(
  secret: string,
  header: string | undefined,
  raw: Buffer,
  nowS: number,
): boolean {
  const parts = Object.fromEntries((header ?? '').split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowS - t) > TOLERANCE_S || typeof parts.v1 !== 'string') return false;
  const expected = createHmac('sha256', secret).update(`${t}.`).update(raw).digest();
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function startWebhookReceiver(options: { now?: () => number } = {}): Promise<WebhookReceiver> {
  const received = new Arrivals<ReceivedHook>();
  const hanging = new Arrivals<string | undefined>();
  const receiver = {
    received,
    hanging,
    secret: '',
    answers: [] as HookAnswer[],
  };
  const server = await startHttpStandIn((req, raw, res) => {
    const nowS = Math.floor((options.now?.() ?? Date.now()) / 1000);
    const header = req.headers['livefolio-signature'];
    const verified = verifySignature(
      receiver.secret,
      typeof header === 'string' ? header : undefined,
      raw,
      nowS,
    );
    const deliveryId = req.headers['livefolio-delivery'] as string | undefined;
    const answer = receiver.answers.shift() ?? { status: verified ? 204 : 401 };
    if (answer === 'hang') {
      hanging.push(deliveryId);
      return;
    }
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    } catch {
      // Recorded with an empty body: the test sees it.
    }
    received.push({
      deliveryId,
      event: req.headers['livefolio-event'] as string | undefined,
      body,
      verified,
      status: answer.status,
    });
    if (answer.status === 204) {
      res.writeHead(204, answer.headers);
      res.end();
    } else json(res, answer.status, { error: `answered ${answer.status}` }, answer.headers);
  });
  return Object.assign(receiver, server);
}
