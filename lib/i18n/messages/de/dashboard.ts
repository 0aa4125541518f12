/** The dashboard's frame: header, watchlist, ticker rows, feeds, connection, notices, offline banner, account panel. */
import type { Catalog } from '../en';

export const dashboard = {
  // The watchlist section and its table
  watchlist: 'Watchlist',
  tableCaption:
    'Beobachtete Märkte. Wählen Sie eine Zeile, um ihren Chart anzuzeigen; die Kurse werden live aktualisiert.',
  colSymbol: 'Symbol',
  colExchange: 'Börse',
  colLast: 'Kurs',
  colBid: 'Geld',
  colAsk: 'Brief',
  colChange: '24h %',
  colVolume: '24h-Vol.',
  colTrend: 'Trend',
  colAge: 'Alter',
  colActions: 'Aktionen',
  loadingWatchlist: 'Watchlist wird geladen…',
  emptyWatchlist: 'Die Watchlist ist leer: Fügen Sie oben einen Ticker hinzu.',
  volumeTitle: '{volume} {quote}',
  removeLabel: '{symbol} ({exchange}) entfernen',
  removeTitle: '{stream} aus der Watchlist entfernen',

  // A row's freshness flag and the sentence behind it
  statusFeedDown: 'Feed gestört',
  statusFeedDownTitle: 'Der Feed der Börse ist gestört; die Kurse sind die zuletzt bekannten.',
  statusNoPrice: 'Kein Kurs',
  statusNoPriceTitle:
    'Der Stream der Börse liefert für diesen Markt keinen Kurs; es wird per Abfrage versucht.',
  statusNoPriceTitleReason:
    'Der Stream der Börse liefert für diesen Markt keinen Kurs ({reason}); es wird per Abfrage versucht.',
  statusFeedStale: 'Feed veraltet',
  statusFeedStaleTitle: 'Nichts Neues von der Börse; die Kurse sind womöglich alt.',
  statusFeedStaleTitleReason: 'Nichts Neues von der Börse ({reason}); die Kurse sind womöglich alt.',
  statusStale: 'Veraltet',
  statusStaleTitle: 'Dieser Kurs ist nicht aktuell.',
  statusStaleTitleReason: 'Dieser Kurs ist nicht aktuell ({reason}).',
  statusWaiting: 'Wartet',
  statusWaitingTitle: 'Für diesen Markt ist noch kein Tick eingegangen.',
  statusUnsureTitle: 'Es ist nicht bekannt, ob dieser Kurs aktuell ist.',
  statusQuiet: 'Ruhig',
  statusQuietTitle: 'Zuletzt kein Handel; der Kurs ist der des letzten Handels und weiterhin aktuell.',
  statusQuietTitleReason:
    'Zuletzt kein Handel ({reason}); der Kurs ist der des letzten Handels und weiterhin aktuell.',
  statusPolled: 'Abgefragt',
  statusPolledTitle:
    'Der Stream der Börse lieferte keinen Kurs; dieser Markt wird alle paar Sekunden per Abfrage bepreist.',

  // Add ticker
  addTicker: 'Ticker hinzufügen',
  addTickerPlaceholder: 'z. B. BTC/USDT oder ETH',
  enterKey: 'Enter',
  matchingMarkets: 'Passende Märkte',
  matchingCount: { one: '{count} passender Markt', other: '{count} passende Märkte' },
  watching: 'beobachtet',
  searchFailed: 'Märkte konnten nicht durchsucht werden: {reason}',
  noMarketMatches: 'Kein Markt auf {exchange} passt zu „{query}“.',

  // The header: connection, low data, the SIMULATED mark
  connecting: 'Verbinden…',
  live: 'Live',
  reconnecting: 'Neu verbinden…',
  offline: 'Offline',
  connectionTitle: 'Verbindung zum Livefolio-Server',
  lastMessage: 'letzte Nachricht {age}',
  ago: 'vor {age}',
  lowData: 'Datensparmodus',
  lowDataTitle: 'Höchstens ein Update pro Sekunde: weniger Daten, weniger CPU',
  simulated: 'Simuliert',
  simulatedExchanges: 'Simulierte Börsen',
  simulatedNotReal: 'Kurse sind nicht echt',
  simulatedTitle:
    'Diese Kurse stammen von den eingebauten simulierten Börsen (npm run demo). Es sind keine echten Marktkurse.',

  // The feed health bar
  feeds: 'Feeds der Börsen',
  feedsLastKnown: 'Zuletzt bekannt:',
  feedConnecting: 'verbindet',
  feedLive: 'live',
  feedStale: 'veraltet',
  feedDown: 'gestört',
  feedSimulated: 'simuliert',
  lastTick: 'letzter Tick {age}',
  reconnects: { one: '{count} Neuverbindung', other: '{count} Neuverbindungen' },
  staleStreams: '{count} veraltet',
  unpricedStreams: '{count} ohne Kurs',
  feedTitleState: '{exchange}: {state}',
  feedTitleStateSimulated: '{exchange}: {state} (simulierte Kurse)',
  feedTitleMode: 'Modus: {mode}',
  feedNotStarted: 'nicht gestartet',
  feedTitleMarkets: { one: '{count} Markt', other: '{count} Märkte' },
  feedTitleInvalid: { one: '{count} ungültiger Tick verworfen', other: '{count} ungültige Ticks verworfen' },
  feedTitleError: 'letzter Fehler um {time}: {message}',
  feedTitleStream: '{symbol}: {state}',
  feedTitleStreamReason: '{symbol}: {state} ({reason})',
  feedTitleStreamPolled: '{symbol}: {state}, abgefragt',
  feedTitleStreamPolledReason: '{symbol}: {state}, abgefragt ({reason})',
  streamLive: 'live',
  streamStale: 'veraltet',
  streamQuiet: 'ruhig',
  streamUnpriced: 'ohne Kurs',

  // Notices and the offline banner
  dismissNotice: 'Meldung schließen',
  offlineAction: 'offline: Bitte versuchen Sie es erneut, sobald eine Verbindung besteht',
  noAnswer: 'Der Server hat nicht geantwortet: Die Verbindung ist unterbrochen oder zu langsam.',
  protocolMismatch:
    'Der Server spricht Protokoll {server}, diese Seite {page}: Bitte laden Sie die Seite neu.',
  historyFailed: 'Der Kursverlauf konnte nicht geladen werden (HTTP {status}).',
  alertNotice: 'Alarm: {alert}',
  offlineBanner:
    'Offline: Kurse und Portfolio mit Stand {time} ({age}). Die Daten werden aktualisiert, sobald die Verbindung wieder besteht.',

  // The account panel
  signIn: 'Anmelden',
  account: 'Konto',
  signedInAs: 'Angemeldet als {name}',
  accountUnknown: 'Das Konto konnte nicht vom Server gelesen werden.',
  accounts: 'Konten',
  reports: 'Berichte',
  users: 'Benutzer',
  apiTokens: 'API-Tokens',
  notifications: 'Benachrichtigungen',
  signOut: 'Abmelden',
  signingOut: 'Wird abgemeldet…',
  theme: 'Design',
  themeSystem: 'System',
  themeLight: 'Hell',
  themeDark: 'Dunkel',
} satisfies Catalog['dashboard'];
