/** What alert channels send, and why a delivery failed (server/alerts/channels/): a channel's last error. */
export const channels = {
  // What every channel sends (message.ts).
  alertTitle: 'Livefolio alert',
  testTitle: 'Livefolio test message',
  testText: 'This is a test from Livefolio: your price alerts will reach you here.',

  // Where a message may go (target-guard.ts).
  schemeRefused: 'Only http:// and https:// addresses can receive alerts.',
  privateTarget:
    '{host} leads to {address}, a private or local address: alerts are not sent into the network this ' +
    'server runs in (the server administrator can allow it with ALERT_PRIVATE_TARGETS=true).',
  selfTarget:
    '{host} leads to {address}, this server itself: alerts are not sent there (the server administrator can ' +
    'allow it with ALERT_PRIVATE_TARGETS=true).',
  unknownHost: 'The name {host} could not be found: check the address.',

  // How a send failed (http-post.ts, senders).
  timeout: '{target} did not answer within {seconds} s; the alert is sent again later.',
  unreachable: '{target} could not be reached ({reason}); the alert is sent again later.',
  tlsFailed: 'The secure connection to {target} failed ({reason}): check its certificate.',
  httpStatus: '{target} answered with HTTP status {status}.',
  rateLimited: '{target} is limiting messages from this server; the alert is sent again later.',
  rejected: '{service} refused the message: {description}',
  badAnswer: '{target} sent an answer that cannot be read.',
  telegramToken:
    'Telegram refused the bot token (Unauthorized): copy it again exactly as @BotFather gave it.',
  mailAuth: 'The mail server {host} refused the user name or password.',
  mailRejected: 'The mail server {host} refused the message: {description}',
  secretUnreadable:
    "The channel's stored secret cannot be opened with this server's SECRET_KEY (it was sealed under another " +
    'key): enter it again, or delete the channel and add it again.',
  failed: 'Sending failed for a reason Livefolio does not know; it is tried again later.',

  // What the channel routes refuse (channel-service.ts).
  tooManyChannels: 'You have {max} alert channels, the most there can be: delete one first.',
  noChannel: 'No alert channel "{id}".',
  tooManyTests: 'Too many test messages asked for; try again in {seconds} s.',
};
