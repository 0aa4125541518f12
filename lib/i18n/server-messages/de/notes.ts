/** What the server's answers say beside their figures: the performance notes, the value history's backfill. */
import type { ServerCatalog } from '../en';

export const notes = {
  // The performance (server/portfolio/performance-answer.ts).
  oneValue: 'Bisher ist in diesem Zeitraum ein Wert erfasst: Eine Rendite braucht zwei.',
  noValues: 'In diesem Zeitraum sind noch keine Werte erfasst.',
  depositUnpriced:
    'Für die Einzahlung von {quantity} {asset} am {day} gibt es keinen {asset}/{currency}-Kurs ihrer Minute: Die Rendite zählt sie als Wertentwicklung.',
  withdrawalUnpriced:
    'Für die Auszahlung von {quantity} {asset} am {day} gibt es keinen {asset}/{currency}-Kurs ihrer Minute: Die Rendite zählt sie als Wertentwicklung.',
  noBenchmarkMarket:
    'Keine eingerichtete Börse führt {asset}/{currency}: Es gibt keine {asset}-Linie zum Vergleich.',
  noBenchmarkLine: 'Keine {asset}-Linie: {reason}',
  exchangeSilent: 'die Börse hat nicht geantwortet',
  // An error's own text (an exchange's, a library's), shown as it was written.
  asWritten: '{text}',
  unpricedContributions:
    'Keine {timeframe}-Kerzen bewerten {assets} in {currency} zu einigen Zeiten dieses Zeitraums: Ihre Bewegungen stehen dann unter „Trades, Gebühren, Einkünfte“, nicht in ihrem Beitrag.',

  // The value history's backfill (server/portfolio/value-backfill.ts); the page capitalises the first letter.
  backfillFailed:
    'Die Berechnung früherer Werte ist fehlgeschlagen; sie läuft bei der nächsten Änderung erneut.',
  backfillGaps: '{reasons}.',
  reasonList: '{first}; {rest}',
  unpricedAssets: 'kein Markt bepreist {assets} in {currency}',
  noDailyHistory: 'keine Tageskurse für {streams}',
  daysWithoutClose: 'an {missing} von {days} Tagen fehlt ein Schlusskurs',
} satisfies ServerCatalog['notes'];
