/** The first-run setup page, and the shared parts of the account forms (components/auth-card.tsx: `card…`). */
export const setup = {
  metaTitle: 'Set up · Livefolio',
  title: 'Create the first account',
  intro: 'This account will be the admin: it can add other users. You will be signed in with it.',
  confirmLabel: 'Confirm password',
  mismatch: 'The two passwords do not match. Type the same password in both fields.',
  submit: 'Create account',
  submitBusy: 'Creating account…',

  cardUsername: 'Username',
  cardUsernameHint: '1 to 40 letters, digits, dots, dashes or underscores.',
  cardPassword: 'Password',
  cardPasswordHint: 'At least 8 characters.',
  cardAdmin: 'Admin',
};
