/** The Users page (admins): the accounts of this server. */
import type { Catalog } from '../en';

export const users = {
  metaTitle: 'Benutzer · Livefolio',
  pageTitle: 'Benutzer',
  signIn: 'Anmelden',
  loading: 'Benutzer werden geladen…',
  listTitle: 'Konten',
  addTitle: 'Benutzer hinzufügen',
  passwordHint: 'Mindestens 8 Zeichen. Teilen Sie es dem neuen Benutzer selbst mit.',
  adminLabel: 'Admin',
  adminNote: '(darf Benutzer hinzufügen)',
  addButton: 'Benutzer hinzufügen',
  addBusy: 'Benutzer wird hinzugefügt…',
  added: '{username} hinzugefügt.',
  addedAdmin: '{username} (Admin) hinzugefügt.',
} satisfies Catalog['users'];
