/**
 * An SMTP server stand-in (smtp-server) that keeps what it receives, parsed enough to assert on: the envelope,
 * the Subject (RFC 2047 words decoded) and the text body (quoted-printable or base64 decoded). Optionally it
 * asks for a user name and password, refuses some recipients with 550, or swallows the message without answering.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { Arrivals } from './http-stand-in';
import { decodeWords } from './ntfy-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  headers: Record<string, string>;
  /** The user that signed in, when the server asked for one. */
  user?: string;
}

export interface SmtpStandIn {
  host: string;
  port: number;
  mails: Arrivals<ReceivedMail>;
  /** Messages taken in but never answered (hang mode). */
  swallowed: Arrivals<number>;
  /** Recipients refused with "550 5.1.1 mailbox unavailable". */
  refusedRecipients: Set<string>;
  /** Takes the data and never answers it. */
  hang: boolean;
  close(): Promise<void>;
}

export interface SmtpOptions {
  auth?: { user: string; pass: string };
}

/** Headers (unfolded) and body of a raw message. */
export function parseMail(raw: string): { headers: Record<string, string>; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = split === -1 ? raw : raw.slice(0, split);
  const body = split === -1 ? '' : raw.slice(split + 4);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const encoding = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  let text = Buffer.from(body, 'latin1').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    text = Buffer.from(bytes, 'latin1').toString('utf8');
  } else if (encoding === 'base64') text = Buffer.from(body, 'base64').toString('utf8');
  // Adjacent encoded words are one text: the space between them is not part of it.
  const subject = decodeWords((headers.subject ?? '').replace(/\?=\s+=\?/g, '?==?'));
  return { headers: { ...headers, subject }, text };
}

export async function startSmtpStandIn(options: SmtpOptions = {}): Promise<SmtpStandIn> {
  const mails = new Arrivals<ReceivedMail>();
  const swallowed = new Arrivals<number>();
  const refusedRecipients = new Set<string>();
  const state = { hang: false };
  const server = new SMTPServer({
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    logger: false,
    closeTimeout: 100,
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass)
        return callback(null, { user: auth.username });
      callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (refusedRecipients.has(address.address))
        return callback(Object.assign(new Error('5.1.1 Mailbox unavailable'), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (state.hang) {
          swallowed.push(swallowed.all.length + 1);
          return;
        }
        const { headers, text } = parseMail(Buffer.concat(chunks).toString('latin1'));
        const envelope = session.envelope;
        mails.push({
          from: envelope.mailFrom ? envelope.mailFrom.address : '',
          to: envelope.rcptTo.map((r) => r.address),
          subject: headers.subject ?? '',
          text: text.replace(/\r\n/g, '\n'),
          headers,
          ...(typeof session.user === 'string' ? { user: session.user } : {}),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(state, {
    host: '127.0.0.1',
    port,
    mails,
    swallowed,
    refusedRecipients,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
