/** The Reports page: the tax report's gains, income, totals and notice. */
import type { Catalog } from '../en';

export const reports = {
  metaTitle: 'Berichte · Livefolio',
  pageTitle: 'Berichte',

  taxReportTitle: 'Steuerbericht',
  signIn: 'Anmelden',
  loading: 'Bericht wird geladen…',
  summaryTitle: 'Übersicht',
  gainsTitle: 'Realisierte Gewinne',
  incomeTitle: 'Einkünfte',
  nothingRealized: 'Nichts realisiert {period}: keine Veräußerungen und keine Einkünfte in diesem Zeitraum.',
  noDisposals: 'Keine Veräußerungen in diesem Zeitraum.',
  noIncome: 'Keine Einkünfte in diesem Zeitraum.',

  periodRange: '{from} bis {to}',
  periodInYear: 'im Jahr {year}',
  periodFromTo: 'vom {from} bis {to}',

  methodFifo: 'FIFO',
  methodLifo: 'LIFO',
  methodHifo: 'HIFO',
  methodAverage: 'Durchschnittskosten',
  incomeStaking: 'Staking-Belohnung',
  incomeInterest: 'Zinsen',
  incomeAirdrop: 'Airdrop',
  incomeOther: 'Sonstige Einkünfte',

  settingsLabel: 'Berichtseinstellungen',
  periodLabel: 'Zeitraum',
  customRange: 'Eigener Zeitraum…',
  rangeFrom: 'Von',
  rangeTo: 'Bis',
  methodLabel: 'Einstandswert-Methode',
  longTermLabel: 'Langfristig nach (Tagen)',
  longTermHint: 'Ein Gewinn ist langfristig, wenn die Coins länger als so viele Tage gehalten wurden.',
  apply: 'Anwenden',
  rangeMissing: 'Wählen Sie beide Daten des Zeitraums.',
  rangeReversed: 'Der Zeitraum endet vor seinem Beginn: Wählen Sie ein „Bis“ am oder nach dem „Von“.',

  basis: {
    one: 'Einstandswert nach {method} · {period} (UTC) · langfristig ab mehr als {count} Tag Haltedauer',
    other: 'Einstandswert nach {method} · {period} (UTC) · langfristig ab mehr als {count} Tagen Haltedauer',
  },
  notTaxAdvice:
    'Eine Berechnung aus den Transaktionen in Livefolio nach der angegebenen Einstandswert-Methode, keine ' +
    'Steuerberatung: Was Sie angeben, bestimmen die Regeln Ihres Landes (welche Methode zulässig ist, wie ' +
    'Gebühren und Einkünfte zählen).',
  downloadGains: 'Gewinne als CSV herunterladen',
  downloadIncome: 'Einkünfte als CSV herunterladen',

  totalsIn: 'In {currency}',
  totalProceeds: 'Erlöse',
  totalCostBasis: 'Einstandswert',
  totalGain: 'Gewinn',
  totalShortTermGain: 'Kurzfristiger Gewinn',
  totalLongTermGain: 'Langfristiger Gewinn',
  totalIncome: 'Einkünfte',

  colAsset: 'Asset',
  colCurrency: 'Währung',
  colQuantity: 'Menge',
  colAcquired: 'Erworben',
  colDisposed: 'Veräußert',
  colProceeds: 'Erlös',
  colCostBasis: 'Einstandswert',
  colGain: 'Gewinn',
  colDaysHeld: 'Haltetage',
  colTerm: 'Frist',
  colDate: 'Datum',
  colType: 'Art',
  colValue: 'Wert',
  colAccount: 'Konto',
  termLong: 'Langfristig',
  termShort: 'Kurzfristig',
  amountsIn: 'Beträge in {currency}.',
  gainsCaption:
    'Realisierte Gewinne, eine Zeile je Teil eines Loses, älteste Veräußerung zuerst; Datumsangaben in UTC.',
  gainsPages: 'Seiten der Gewinne',
  incomeCaption: 'Erhaltene Einkünfte, älteste zuerst; Datumsangaben in UTC.',
  incomePages: 'Seiten der Einkünfte',

  assetLabel: 'Asset',
  allAssets: 'Alle Assets',
  assetGain: 'Gewinn aus {asset}:',

  lineCount: { one: '{count} Zeile', other: '{count} Zeilen' },
  lineRange: { one: '{first}–{last} von {count} Zeile', other: '{first}–{last} von {count} Zeilen' },
  receiptCount: { one: '{count} Eingang', other: '{count} Eingänge' },
  receiptRange: { one: '{first}–{last} von {count} Eingang', other: '{first}–{last} von {count} Eingängen' },
  previousPage: '‹ Zurück',
  pageOf: 'Seite {page} von {pages}',
  nextPage: 'Weiter ›',
} satisfies Catalog['reports'];
