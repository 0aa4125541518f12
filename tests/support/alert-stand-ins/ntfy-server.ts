/**
 * An ntfy server stand-in speaking ntfy's publish API (docs.ntfy.sh/publish): POST /<topic> with the message as
 * the body and Title, Priority and Tags headers (RFC 2047 encoded words decoded, as ntfy does); a topic may be
 * protected by an access token (`Authorization: Bearer tk_…`). Errors are ntfy's JSON `{ code, http, error, link }`.
 */
import { randomBytes } from 'node:crypto';
import { Arrivals, json, startHttpStandIn } from './http-stand-in';
import type { HttpStandIn } from './http-stand-in';

export interface NtfyMessage {
  topic: string;
  message: string;
  title?: string;
  priority: number;
  tags: string[];
}

export interface NtfyServer extends HttpStandIn {
  messages: Arrivals<NtfyMessage>;
  /** Topics that need a token, and the one they accept. */
  protectedTopics: Map<string, string>;
  /** While above 0, each publish is answered 429 (ntfy's "limit reached: too many requests"). */
  limitNext: number;
}

const TOPIC = /^[-_A-Za-z0-9]{1,64}$/;
const PRIORITIES: Record<string, number> = { min: 1, low: 2, default: 3, high: 4, max: 5, urgent: 5 };

const errors = {
  unauthorized: {
    code: 40101,
    http: 401,
    error: 'unauthorized',
    link: 'https://ntfy.sh/docs/publish/#authentication',
  },
  forbidden: {
    code: 40301,
    http: 403,
    error: 'forbidden',
    link: 'https://ntfy.sh/docs/publish/#authentication',
  },
  priority: {
    code: 40007,
    http: 400,
    error: 'invalid priority parameter',
    link: 'https://ntfy.sh/docs/publish/#message-priority',
  },
  notFound: { code: 40401, http: 404, error: 'page not found' },
  tooMany: {
    code: 42901,
    http: 429,
    error: 'limit reached: too many requests',
    link: 'https://ntfy.sh/docs/publish/#limitations',
  },
};

/** An RFC 2047 encoded word decoded ("=?UTF-8?B?…?=" or "=?UTF-8?Q?…?="); other text as it is. */
export function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_all, mode: string, data: string) =>
    mode.toLowerCase() === 'b'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(
          data
            .replace(/_/g, ' ')
            .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

export async function startNtfyServer(): Promise<NtfyServer> {
  const state = {
    messages: new Arrivals<NtfyMessage>(),
    protectedTopics: new Map<string, string>(),
    limitNext: 0,
  };
  const server = await startHttpStandIn((req, body, res) => {
    const topic = (req.url ?? '/').split('?')[0]?.slice(1) ?? '';
    if ((req.method !== 'POST' && req.method !== 'PUT') || !TOPIC.test(topic))
      return json(res, 404, errors.notFound);
    const required = state.protectedTopics.get(topic);
    if (required !== undefined) {
      const auth = req.headers.authorization;
      if (auth === undefined) return json(res, 401, errors.unauthorized);
      if (auth !== `Bearer ${required}`) return json(res, 403, errors.forbidden);
    }
    if (state.limitNext > 0) {
      state.limitNext -= 1;
      return json(res, 429, errors.tooMany);
    }
    const header = (name: string) => {
      const value = req.headers[name];
      return typeof value === 'string' ? decodeWords(value) : undefined;
    };
    const given = header('priority') ?? header('x-priority') ?? 'default';
    const priority = /^[1-5]$/.test(given) ? Number(given) : PRIORITIES[given.toLowerCase()];
    if (priority === undefined) return json(res, 400, errors.priority);
    const tags = (header('tags') ?? header('x-tags') ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    const title = header('title') ?? header('x-title');
    const message = body.toString('utf8');
    state.messages.push({ topic, message, priority, tags, ...(title === undefined ? {} : { title }) });
    const time = Math.floor(Date.now() / 1000);
    json(res, 200, {
      id: randomBytes(6).toString('base64url'),
      time,
      expires: time + 43_200,
      event: 'message',
      topic,
      message,
      ...(title === undefined ? {} : { title }),
      ...(priority === 3 ? {} : { priority }),
      ...(tags.length ? { tags } : {}),
    });
  });
  return Object.assign(state, server);
}
