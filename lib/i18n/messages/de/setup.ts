/** The first-run setup page, and the shared parts of the account forms (components/auth-card.tsx: `card…`). */
import type { Catalog } from '../en';

export const setup = {
  metaTitle: 'Einrichtung · Livefolio',
  title: 'Das erste Konto anlegen',
  intro: 'Dieses Konto wird der Admin: Es kann weitere Benutzer hinzufügen. Sie werden damit angemeldet.',
  confirmLabel: 'Passwort bestätigen',
  mismatch: 'Die beiden Passwörter stimmen nicht überein. Geben Sie in beide Felder dasselbe Passwort ein.',
  submit: 'Konto anlegen',
  submitBusy: 'Konto wird angelegt…',

  cardUsername: 'Benutzername',
  cardUsernameHint: '1 bis 40 Buchstaben, Ziffern, Punkte, Binde- oder Unterstriche.',
  cardPassword: 'Passwort',
  cardPasswordHint: 'Mindestens 8 Zeichen.',
  cardAdmin: 'Admin',
} satisfies Catalog['setup'];
