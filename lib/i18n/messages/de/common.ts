/** Words shared by every screen: the product, placeholders, the settings of the account panel. */
import type { Catalog } from '../en';

export const common = {
  product: 'Livefolio',
  description: 'Live-Kryptokurse, selbst gehostet.',
  language: 'Sprache',
  languageSystem: 'Browser',
  backToDashboard: 'Zurück zum Dashboard',
  loading: 'Wird geladen…',
  unreachable: 'Der Server ist nicht erreichbar. Prüfen Sie die Verbindung und versuchen Sie es erneut.',
  unexpectedAnswer: 'Der Server hat eine unerwartete Antwort gesendet.',
  serverAnswered: 'Der Server hat mit {status} geantwortet.',
  tryAgainSoon: 'Versuchen Sie es gleich noch einmal.',
  tryAgainSeconds: 'Versuchen Sie es in {count} s erneut.',
  tryAgainMinutes: 'Versuchen Sie es in {count} Min. erneut.',
} satisfies Catalog['common'];
