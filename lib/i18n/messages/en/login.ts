/** The sign-in page: its card, its form, and the refusals it words itself. */
export const login = {
  title: 'Sign in · Livefolio',
  heading: 'Sign in',
  intro: 'Sign in to see your watchlist.',
  username: 'Username',
  password: 'Password',
  submit: 'Sign in',
  busy: 'Signing in…',
  unreachable: 'Could not reach the server. Check the connection and try again.',
  wrongPassword: 'Wrong username or password.',
  tooManyTries: 'Too many failed sign-ins; try again later.',
  tooManyTriesIn: 'Too many failed sign-ins; try again in {minutes} min.',
  notSignedIn: 'Could not sign in. Try again.',
};
