/** Words shared by every screen: the product, placeholders, the settings of the account panel. */
export const common = {
  product: 'Livefolio',
  description: 'Live crypto prices, self-hosted.',
  language: 'Language',
  languageSystem: 'Browser',
  backToDashboard: 'Back to dashboard',
  loading: 'Loading…',
  unreachable: 'Could not reach the server. Check the connection and try again.',
  unexpectedAnswer: 'The server sent an unexpected answer.',
  serverAnswered: 'The server answered {status}.',
  tryAgainSoon: 'Try again in a moment.',
  tryAgainSeconds: 'Try again in {count} s.',
  tryAgainMinutes: 'Try again in {count} min.',
};
