/** The portfolio panel: holdings, allocation, value history, performance and contributions. */
import type { Catalog } from '../en';

export const portfolio = {
  // The panel's header and states
  title: 'Portfolio',
  accountLabel: 'Konto',
  methodLabel: 'Einstandswert-Methode',
  methodFifo: 'FIFO',
  methodLifo: 'LIFO',
  methodHifo: 'HIFO',
  methodAverage: 'Durchschnittskosten',
  currencyLabel: 'Währung',
  transactionsLink: 'Transaktionen',
  keptNote: 'Die Bewertung von {time} Uhr, in diesem Browser gespeichert: Der Server ist nicht erreichbar.',
  retry: 'Erneut versuchen',
  loading: 'Portfolio wird geladen…',
  emptyAccount: 'Noch nichts in {account} —',
  emptyAccountLink: 'fügen Sie eine Transaktion oder einen Transfer hinzu',
  emptyPortfolio: 'Noch keine Transaktionen —',
  emptyPortfolioLink: 'erfassen Sie Ihre erste',
  noOpenHoldings: 'Keine offenen Bestände.',
  noOpenHoldingsIn: 'Keine offenen Bestände in {account}.',
  addTransaction: 'Transaktion hinzufügen',
  closedPositions: 'Geschlossene Positionen (nur realisierter G/V):',

  // The headline figures
  totalValue: 'Gesamtwert',
  change24h: '24h-Änderung',
  waitingForPrices: 'Warten auf Kurse…',
  unrealizedPnl: 'Unrealisierter G/V',
  realizedPnl: 'Realisierter G/V',
  unpricedNote: {
    one: 'Die Summen lassen {assets} aus: kein Kurs in {quote} dafür (siehe unten).',
    other: 'Die Summen lassen {assets} aus: keine Kurse in {quote} dafür (siehe unten).',
  },

  // The allocation
  allocation: 'Aufteilung',
  allocationChartLabel: 'Chart der Aufteilung: {description}',
  otherAssets: 'Andere ({count})',

  // The holdings table
  holdingsCaption: 'Bestände, bewertet in {quote} zu Live-Kursen.',
  holdingsCaptionIn: 'Bestände in {account}, bewertet in {quote} zu Live-Kursen.',
  colAsset: 'Asset',
  colQuantity: 'Menge',
  colPrice: 'Kurs',
  colValue: 'Wert',
  colCostBasis: 'Einstandswert',
  stale: 'Veraltet',
  staleTitle: 'Dieser Kurs ist möglicherweise nicht aktuell.',
  costUnknown: 'Kosten unbekannt',
  costUnknownTitle:
    'Ein Teil dieses Bestands ist ein Anfangsbestand mit unbekannten Kosten. Bearbeiten Sie ihn auf der Seite Transaktionen, um seine Kosten anzugeben.',
  priceOnLabel: 'Börse für den Kurs von {asset}',
  reasonNoPrice: 'Noch kein Kurs: Warten auf den Markt',
  reasonInvalidPrice: 'Kein gültiger Kurs von der Börse',
  reasonOtherQuote: 'Notiert in {assetQuote}, nicht in {quote}',
  reasonNoConversion: 'Kein Markt der eingerichteten Börsen rechnet {assetQuote} in {quote} um',
  reasonNoRate: 'Noch kein Kurs für die Umrechnung von {assetQuote} in {quote}',

  // The value history
  valueHistory: 'Wertverlauf',
  rangeGroupLabel: 'Zeitraum des Wertverlaufs',
  range1D: '1T',
  range1W: '1W',
  range1M: '1M',
  range1Y: '1J',
  rangeAll: 'Alle',
  rangeTitle1D: 'Der letzte Tag',
  rangeTitle1W: 'Die letzte Woche',
  rangeTitle1M: 'Die letzten 30 Tage',
  rangeTitle1Y: 'Das letzte Jahr',
  rangeTitleAll: 'Der gesamte Verlauf',
  historyLabel: 'Portfoliowert von {from} bis {to}',
  historyOver: 'in {span}',
  dailyCloses: 'Tagesschlusskurse',
  dailyClosesBeforeTime: 'Tagesschlusskurse vor {time} Uhr, danach alle {every}',
  dailyClosesBeforeDate: 'Tagesschlusskurse vor dem {date}, danach alle {every}',
  oneValue: 'Ein Wert in diesem Zeitraum:',
  oneValueDailyClose: ', der Tagesschlusskurs vom {date}.',
  oneValueAtTime: 'um {time} Uhr.',
  oneValueOnDate: 'am {date}.',
  recordedEvery: 'Der Wert wird alle {every} erfasst; die Linie erscheint nach dem ersten Wert.',
  everyFewMinutes: 'paar Minuten',
  backfilling: 'Frühere Werte werden aus Tageskursen berechnet…',

  // Performance and contributions
  performanceLabel: 'Wertentwicklung im Zeitraum',
  twrLabel: 'Rendite (zeitgewichtet)',
  twrTitle: 'Wachstum des Portfolios ohne Einzahlungen und Auszahlungen',
  benchmarkTitle: 'Rendite beim bloßen Halten von {asset} im selben Zeitraum',
  percentPoints: 'Pp.',
  contributionCaption: 'Beitrag zur Rendite',
  contributionMore: { one: '{count} weiteres', other: '{count} weitere' },
  contributionOther: 'Trades, Gebühren, Einkünfte',
  contributionOtherTitle:
    'Was sich zwischen den {step}-Schlusskursen bewegt hat, an denen die Assets gemessen werden: Trades, Gebühren, Einkünfte und die Zeit seit dem letzten Schlusskurs',

  // The account select (also on the Transactions page)
  loadingAccounts: 'Konten werden geladen…',
  allAccounts: 'Alle Konten',
} satisfies Catalog['portfolio'];
