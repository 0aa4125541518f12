/** The Users page (admins): the accounts of this server. */
export const users = {
  metaTitle: 'Users · Livefolio',
  pageTitle: 'Users',
  signIn: 'Sign in',
  loading: 'Loading users…',
  listTitle: 'Accounts',
  addTitle: 'Add user',
  passwordHint: 'At least 8 characters. Tell it to the new user yourself.',
  adminLabel: 'Admin',
  adminNote: '(may add users)',
  addButton: 'Add user',
  addBusy: 'Adding user…',
  added: 'Added {username}.',
  addedAdmin: 'Added {username} (admin).',
};
