/** The sign-in page: its card, its form, and the refusals it words itself. */
import type { Catalog } from '../en';

export const login = {
  title: 'Anmelden · Livefolio',
  heading: 'Anmelden',
  intro: 'Melden Sie sich an, um Ihre Watchlist zu sehen.',
  username: 'Benutzername',
  password: 'Passwort',
  submit: 'Anmelden',
  busy: 'Anmeldung läuft…',
  unreachable: 'Der Server ist nicht erreichbar. Prüfen Sie die Verbindung und versuchen Sie es erneut.',
  wrongPassword: 'Benutzername oder Passwort ist falsch.',
  tooManyTries: 'Zu viele fehlgeschlagene Anmeldungen; versuchen Sie es später erneut.',
  tooManyTriesIn: 'Zu viele fehlgeschlagene Anmeldungen; versuchen Sie es in {minutes} Min. erneut.',
  notSignedIn: 'Die Anmeldung ist fehlgeschlagen. Versuchen Sie es erneut.',
} satisfies Catalog['login'];
