/** The refusals and states of exchange connections and their syncs (server/sync/). */
import type { ServerCatalog } from '../en';

export const sync = {
  tooManyConnections: 'Sie haben bereits {max} Börsenverbindungen, die Höchstzahl für einen Benutzer.',
  tooManyKeyTests: 'Zu viele Schlüssel getestet; versuchen Sie es in {seconds} s erneut.',
  tooManySyncs: 'Zu viele Synchronisierungen angefordert; versuchen Sie es in {seconds} s erneut.',
  noConnection: 'Keine Börsenverbindung „{id}“.',
  unknownExchange: 'unbekannte Börse „{exchange}“: keine ccxt-Börsen-ID (z. B. binance, kraken, coinbase)',
  notSyncable: 'exchange: {exchange} lässt sich nicht synchronisieren: ccxt hat dafür kein {calls}.',
  eitherCall: '{first} oder {second}',

  keyCanWithdraw:
    'Dieser Schlüssel kann Guthaben von Ihrem Konto bei {exchange} abheben. Livefolio liest nur: Erstellen Sie ' +
    'einen Schlüssel, der nur lesen darf, und ersetzen Sie diesen damit.',
  keyCanTrade:
    'Dieser Schlüssel kann auf Ihrem Konto bei {exchange} handeln. Livefolio liest nur: Ein Schlüssel, der nur ' +
    'lesen darf, ist sicherer.',

  bookingFailed: '{problem}; es wurde nichts geändert.',
  secretUnreadable:
    'Der gespeicherte Schlüssel lässt sich mit dem SECRET_KEY dieses Servers nicht öffnen (er wurde unter einem ' +
    'anderen Hauptschlüssel versiegelt): Tragen Sie den alten Schlüssel in SECRET_KEY_PREVIOUS ein, oder löschen ' +
    'Sie diese Verbindung und fügen Sie den Schlüssel erneut hinzu.',
  historyConflict:
    'Der Verlauf von {exchange} passt nicht zu den Transaktionen, die bereits in Ihrem Portfolio sind, daher ' +
    'wurde nichts geändert: {problem}. Ändern oder löschen Sie die genannte Transaktion und synchronisieren Sie ' +
    'dann erneut.',
  keyPermission:
    '{exchange} hat eine Anfrage abgelehnt, die dieser Schlüssel nicht stellen darf: Erlauben Sie dem Schlüssel ' +
    'das Lesen (Konto und Verlauf).',
  keyRejected:
    '{exchange} hat den API-Schlüssel abgelehnt: Prüfen Sie, ob Schlüssel und Secret genau kopiert sind, ob der ' +
    'Schlüssel noch aktiv ist und lesen darf und ob die IP-Adresse dieses Servers für den Schlüssel zugelassen ist.',
  clockSkew:
    '{exchange} hat den Zeitstempel der Anfrage abgelehnt: Die Uhr dieses Servers geht falsch. Synchronisieren ' +
    'Sie sie (NTP) und versuchen Sie es erneut.',
  rateLimited:
    '{exchange} begrenzt die Anfragen dieses Servers; die Synchronisierung wurde angehalten und setzt beim ' +
    'nächsten Versuch dort fort, wo sie stand. Versuchen Sie es in einigen Minuten erneut.',
  exchangeUnavailable:
    '{exchange} war nicht erreichbar oder ist ausgefallen (Wartung oder Störung); es wurde nichts geändert. Die ' +
    'nächste Synchronisierung versucht es erneut.',
  unreadableAnswer:
    '{exchange} hat eine Antwort gesendet, die sich nicht lesen lässt; es wurde nichts geändert. Die nächste ' +
    'Synchronisierung versucht es erneut.',
  failed:
    'Die Synchronisierung mit {exchange} ist fehlgeschlagen; es wurde nichts geändert. Die nächste ' +
    'Synchronisierung versucht es erneut.',

  noHomeMarket:
    '{exchange} führt keinen Markt in {currencies}: Es gibt keine Währung, in der das Konto bewertet werden kann.',
  noTradePrice:
    'Um {time} ist kein Preis für {base}/{home} oder {quote}/{home} bekannt, um Trade {id} ({symbol}) von ' +
    '{exchange} in {home} zu bewerten',
  noIncomePrice:
    'Um {time} ist kein Preis für {currency}/{home} bekannt, um {type} {id} von {exchange} zu bewerten',
  feeAsLargeAsTrade: 'Trade {id} ({symbol}) von {exchange} hat eine Gebühr, so groß wie der Trade selbst',
  noRate:
    '{asset} ist in Ihrem Portfolio in {target} notiert, und um {time} ist kein Kurs für {from}/{target} bekannt, ' +
    'um es darin zu bewerten (eine Gegenwährung pro Asset, P2)',
  labelled: '{label}: {problem}',
  problemList: '{first}; {rest}',
  quotesConflict:
    '{problems}. Es wurde nichts geändert: Ändern oder löschen Sie die Transaktionen, die diese Assets in dieser ' +
    'Währung notieren, und synchronisieren Sie dann erneut.',

  badRecord:
    '{exchange} hat Daten gesendet, die nicht stimmen können: {what} – {detail}; es wurde nichts geändert. Wenn ' +
    'das wieder vorkommt, hat die Börse ihre Antworten geändert: Bitte melden Sie es.',
  badDividendRow:
    '{exchange} hat eine Zeile der Asset-Dividenden gesendet, die nicht stimmen kann ({detail}); es wurde nichts ' +
    'geändert. Wenn das wieder vorkommt, hat die Börse ihre Antworten geändert: Bitte melden Sie es.',
  aTrade: 'ein Trade',
  aTradeWithId: 'ein Trade ({id})',
  theTrade: 'Trade {id}',
  aDeposit: 'eine Einzahlung',
  aWithdrawal: 'eine Auszahlung',
  balances: 'die Salden',
  aBalance: 'ein Saldo',
  theBalance: 'der Saldo von {currency}',
  unknownMarket: 'unbekannter Markt {market}',
  unknownCurrency: 'unbekannte Währung {currency}',
  noTotals: 'keine Gesamtsalden',
  fieldIssue: '{field} {problem}',
  theRecord: 'Datensatz',
  unreadable: 'unlesbar',
  row: 'Zeile: {problem}',
  rowWithId: 'Zeile {id}: {problem}',
  noRowsAndTotal: 'die Antwort enthält weder rows noch total',
  absurdlyLarge: 'ist unsinnig groß',
  negative: 'darf nicht negativ sein',
  notANumber: 'muss eine Zahl sein',
  notACurrency: 'ist kein Währungscode',
  noValidTime: 'hat keine gültige Zeit',
  noSide: 'hat keine Seite (buy oder sell)',
  notPositiveAmount: 'ist kein positiver Betrag',
} satisfies ServerCatalog['sync'];
