/** The refusals and warnings of a file import (server/import/): encodings, formats, lines. */
import type { ServerCatalog } from '../en';

export const imports = {
  nothingImported: {
    one: 'Es wurde nichts importiert. {count} Zeile ist fehlerhaft:\n{problems}{more}',
    other: 'Es wurde nichts importiert. {count} Zeilen sind fehlerhaft:\n{problems}{more}',
  },
  andMore: '\n… und {count} weitere',
  lineList: '{first}\n{rest}',
  issueList: '{first}; {rest}',
  atLine: 'Zeile {line}: {problem}',
  atLines: 'Zeilen {lines}: {problem}',
  fieldProblem: '{field}: {problem}',

  utf16: 'Die Datei ist UTF-16-Text, nicht UTF-8: {fix}.',
  notUtf8:
    'Die Datei ist kein UTF-8-Text (vielleicht Latin-1 oder Windows-1252, wie ältere Tabellenprogramme speichern): {fix}.',
  lostCharacters:
    'Die Datei enthält Zeichen, die beim Einlesen kein UTF-8 waren (als \uFFFD angezeigt): {fix}.',
  nulCharacters: 'Die Datei enthält NUL-Zeichen (UTF-16-Text?), kein UTF-8: {fix}.',
  saveAsUtf8: 'speichern Sie sie als „CSV UTF-8“ (durch Kommas getrennt) und importieren Sie sie erneut',

  quoteNeverClosed:
    'keine gültige CSV: eine Zelle in Anführungszeichen wird nie geschlossen: die Datei scheint abgeschnitten zu sein; exportieren Sie sie erneut.',
  notCsv: 'keine gültige CSV: {reason}',
  notCsvReason: 'keine gültige CSV',
  separatedBy:
    'die Spalten sind durch {separator} getrennt, nicht durch Kommas: exportieren Sie die Datei als durch Kommas getrennte CSV.',
  tabs: 'Tabulatoren',
  rowCutOff:
    'keine gültige CSV: die Zeile endet nach {count} von {width} Spalten: die Datei scheint abgeschnitten zu sein; exportieren Sie sie erneut',
  rowWidth: 'keine gültige CSV: {count} Spalten, wo die Kopfzeile {width} hat',
  noRows: 'keine Transaktionen nach der Kopfzeile.',

  fileEmpty: 'Die Datei ist leer: erwartet werden eine Kopfzeile und Transaktionen.',
  notImportable:
    'keine Datei, die Livefolio importiert: erwartet wird ein Livefolio-Export (time, type, asset, quantity, ' +
    'price, quote_currency, fee, fee_currency, …), die Spot-Handelshistorie von Binance (Date(UTC), Pair, Side, ' +
    'Price, Executed, Amount, Fee), die Transaktionshistorie von Coinbase (Timestamp, Transaction Type, Asset, ' +
    'Quantity Transacted, …) oder der Ledger-Export von Kraken (txid, refid, time, type, asset, amount, fee, …).',
  krakenTradesExport:
    'dies ist der Trades-Export von Kraken; importieren Sie stattdessen den Ledger-Export von Kraken, der auch ' +
    'Einzahlungen, Auszahlungen und Staking-Belohnungen enthält.',
  otherFormat:
    'diese Datei hat das Format „{found}“, nicht „{asked}“: importieren Sie sie mit format={format} (oder auto).',
  tooManyRows: 'Höchstens {max} Transaktionen pro Import; diese Datei enthält {count}.',
  formatLivefolio: 'Livefolio-Export',
  formatBinance: 'Binance-Handelshistorie',
  formatCoinbase: 'Coinbase-Transaktionshistorie',
  formatKraken: 'Kraken-Ledger-Export',
  columnsMissing: 'eine Datei vom Typ „{title}“ hat die Spalten {columns}; in dieser fehlen: {missing}.',

  unknownColumns: { one: 'unbekannte Spalte {columns}', other: 'unbekannte Spalten {columns}' },
  missingColumns: { one: 'fehlende Spalte {columns}', other: 'fehlende Spalten {columns}' },
  columnsTwice: {
    one: 'doppelt angegebene Spalte: {columns}',
    other: 'doppelt angegebene Spalten: {columns}',
  },
  badHeader: '{problems} (erwartet: {expected})',
  notAccountName: 'kein Kontoname',
  transferNeedsDestination: 'bei einer Umbuchung erforderlich (das Konto, auf das sie geht)',
  onlyTransferHasDestination: 'nur eine Umbuchung hat ein Zielkonto',
  destinationIsSource: 'muss ein anderes Konto als account sein',

  expectedUtcTime: 'erwartet wird eine UTC-Zeit wie {example}',
  pairNotListed: '{pair} ist kein Markt, den Binance führt',
  pairUnknownQuote: '{pair} ist kein Paar mit einer bekannten Gegenwährung',
  expectedBuyOrSell: 'erwartet wird BUY oder SELL',
  expectedPositiveDecimal: 'erwartet wird eine Dezimalzahl über 0',
  expectedAmountOf: 'erwartet wird eine Menge {currency} über 0, wie {example}',
  expectedAmountAndCurrency: 'erwartet werden eine Menge und ihre Währung, wie 0.001BNB',
  notNegative: 'darf nicht negativ sein',
  typeNotBooked: '{type} ist kein Typ, den Livefolio bucht (docs/imports.md führt sie auf)',
  expectedTicker: 'erwartet wird ein Ticker in Großbuchstaben wie BTC',
  expectedNonZeroDecimal: 'erwartet wird eine Dezimalzahl ungleich 0',
  expectedCurrencyCode: 'erwartet wird ein Währungscode wie USD',
  notAnAmount: 'kein Betrag',
  expectedDecimal: 'erwartet wird eine Dezimalzahl',
  notAssetCode: '{asset} ist kein Asset-Code',

  buyWithoutCost: 'ein Kauf braucht einen Betrag über 0',
  sellWithoutCost: 'ein Verkauf braucht einen Betrag über 0',
  buyPaidInItself: 'ein Kauf von {asset}, bezahlt in {asset}',
  sellPaidInItself: 'ein Verkauf von {asset}, bezahlt in {asset}',
  convertWithoutResult: 'ein Convert muss angeben, was daraus wurde, etwa „Converted 0.5 ETH to 0.025 BTC“',
  walletMoveWithFee: 'eine Bewegung zwischen Kraken-Wallets mit Gebühr wird nicht gebucht',
  withdrawalNotNegative: 'eine Auszahlung muss negativ sein',
  depositNotPositive: 'eine Einzahlung muss positiv sein',
  incomeNotPositive: 'Einkünfte vom Typ „{type}“ müssen positiv sein',
  tradeRowCount: {
    one: 'Trade {refid} hat {count} Zeile; ein Trade besteht aus einer ausgegebenen und einer erhaltenen Zeile (die andere liegt vielleicht außerhalb des exportierten Zeitraums)',
    other:
      'Trade {refid} hat {count} Zeilen; ein Trade besteht aus einer ausgegebenen und einer erhaltenen Zeile (die andere liegt vielleicht außerhalb des exportierten Zeitraums)',
  },
  tradeSameAsset: 'Trade {refid} gibt {asset} aus und erhält ebenfalls {asset}',
  tradeFeeBothSides: 'Trade {refid} hat auf beiden Seiten eine Gebühr',
  noKrakenMarket: 'kein Kraken-Markt handelt {spent} gegen {received}',
  noKnownQuote: 'weder {spent} noch {received} ist eine bekannte Gegenwährung',

  idTooLong: 'zu lang für die ID einer Börse',
  quoteConflict:
    '{asset} ist in Ihrem Portfolio in {quoted} notiert, und diese {exchange}-Datei wird in {home} bewertet ' +
    '(eine Gegenwährung pro Asset, P2)',
  marketsLoading: 'Die Märkte von {exchange} sind noch nicht geladen; versuchen Sie es gleich noch einmal.',
  pricesUnavailable:
    'Die Börsen konnten gerade nicht nach vergangenen Preisen gefragt werden; es wurde nichts importiert. ' +
    'Versuchen Sie es gleich noch einmal.',
  binanceNotConfigured:
    'Binance ist auf diesem Server nicht eingerichtet: die Paare wurden anhand der bekannten Gegenwährungen ' +
    'aufgeteilt (docs/imports.md).',
  krakenNotConfigured:
    'Kraken ist auf diesem Server nicht eingerichtet: welche Währung eines Trades die Gegenwährung ist, wurde ' +
    'anhand der bekannten Gegenwährungen bestimmt (docs/imports.md).',
  noIncomePrice: 'für {asset} in {quote} ist um {time} kein Marktpreis bekannt: geben Sie ihn ein',
} satisfies ServerCatalog['imports'];
