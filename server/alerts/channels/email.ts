/**
 * Email channels (docs/alert-channels.md N2): one mail over SMTP through nodemailer. The host is checked and the
 * connection made to the checked address, the certificate still verified against the host's name. Every stage
 * has a timeout, and the whole send a deadline.
 */
import { isIP } from 'node:net';
import { createTransport } from 'nodemailer';
import type { EmailConfig } from './channel-kinds';
import { withDeadline } from './http-post';
import type { OutgoingMessage } from './message';
import { failure, networkFailure, timeoutFailure } from './send-result';
import type { SendResult } from './send-result';
import { checkHost } from './target-guard';
import type { SendOptions } from './send';

interface SmtpError {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
}

/** Sends the message as a plain-text mail. */
export async function sendEmail(
  config: EmailConfig,
  password: string | null,
  message: OutgoingMessage,
  options: SendOptions,
): Promise<SendResult> {
  const { host, port, security } = config;
  const bare = host.replace(/^\[|\]$/g, '');
  const deadline = Date.now() + options.timeoutMs;
  const checked = await withDeadline(checkHost(host, options.policy), options.timeoutMs);
  if (checked === null) return timeoutFailure(host, options.timeoutMs);
  if (!checked.ok) return checked;
  const remaining = Math.max(1, deadline - Date.now());
  const transport = createTransport({
    host: checked.address,
    port,
    // The certificate is checked against the name the user gave, though the connection goes to its address.
    ...(isIP(bare) === 0 ? { servername: bare } : {}),
    secure: security === 'tls',
    requireTLS: security === 'starttls',
    ignoreTLS: security === 'none',
    ...(config.user ? { auth: { user: config.user, pass: password ?? '' } } : {}),
    connectionTimeout: remaining,
    greetingTimeout: remaining,
    socketTimeout: remaining,
    dnsTimeout: remaining,
  });
  // Aborting closes the connection: a server that stops answering mid-mail is cut off at the deadline.
  const signal = AbortSignal.timeout(remaining);
  try {
    await transport.sendMail({
      from: config.from,
      to: config.to,
      subject: `${message.title}: ${message.text}`.slice(0, 200),
      text: `${message.text}\n`,
      headers: { 'X-Livefolio-Delivery': message.id },
      ...({ signal } as object),
    });
    return { ok: true };
  } catch (error) {
    if (signal.aborted) return timeoutFailure(host, options.timeoutMs);
    return smtpFailure(error as SmtpError, host, options.timeoutMs);
  } finally {
    transport.close();
  }
}

/** What nodemailer threw, for the user: the server's own reply when it gave one. */
function smtpFailure(error: SmtpError, host: string, timeoutMs: number): SendResult {
  const code = typeof error.code === 'string' ? error.code : '';
  const reply = typeof error.responseCode === 'number' ? error.responseCode : null;
  const description = typeof error.response === 'string' ? error.response.slice(0, 300) : '';
  if (code === 'EAUTH') return failure('REJECTED', 'mailAuth', { host }, { retry: false });
  if (code === 'ETIMEDOUT') return timeoutFailure(host, timeoutMs);
  if (reply !== null && description !== '')
    // RFC 5321: a 4yz reply is transient, a 5yz one permanent.
    return failure('REJECTED', 'mailRejected', { host, description }, { retry: reply < 500 });
  if (code === 'ETLS') return failure('TLS', 'tlsFailed', { target: host, reason: code }, { retry: false });
  return networkFailure({ code: code || 'ECONNECTION' }, host);
}
