/** The API's and the socket's refusals: sign-in, requests, accounts, transactions, alerts, markets, candles, reports. */
import type { ServerCatalog } from '../en';

export const errors = {
  internal: 'Der Server konnte die Anfrage nicht bearbeiten.',

  // Any API request (server/http/router.ts) and any page request (http-server.ts).
  pathEncoding: 'Der Pfad ist keine gültige URL-Kodierung.',
  noRoute: 'Keine API-Route {path}.',
  methodNotAllowed: '{path} beantwortet nur {methods}.',
  originNotAllowed: 'Anfragen von diesem Ursprung sind nicht erlaubt.',
  signInFirst: 'Melden Sie sich zuerst an.',
  adminOnly: 'Das darf nur ein Admin.',
  bodyType: 'Senden Sie den Inhalt der Anfrage als {kind} (Content-Type: {type}).',
  bodyTooLarge: 'Der Inhalt der Anfrage ist größer als {max} Bytes.',
  bodyNotJson: 'Der Inhalt der Anfrage ist kein gültiges JSON.',
  requestInvalid: 'Die Anfrage ist ungültig.',
  fieldProblem: '{field}: {problem}',
  pageNotFound: 'Nicht gefunden',
  pageFailed: 'Interner Fehler',

  // Signing in (auth-routes.ts, login-form.ts, server/auth/).
  wrongCredentials: 'Benutzername oder Passwort ist falsch.',
  alreadySetUp: 'Livefolio ist bereits eingerichtet; melden Sie sich stattdessen an.',
  usernameTaken: 'Der Benutzername „{username}“ ist vergeben.',
  tooManySignIns: 'Zu viele fehlgeschlagene Anmeldungen; versuchen Sie es in {minutes} Min. erneut.',
  credentialsMissing: 'Geben Sie einen Benutzernamen und ein Passwort ein.',
  formType: 'Senden Sie das Formular als {type}.',
  formTooLarge: 'Das Formular ist größer als {max} Bytes.',
  formIncomplete: 'Das Formular ist nicht vollständig.',

  // Personal access tokens (server/auth/api-tokens.ts, request-auth.ts).
  authorizationFormat: 'Senden Sie ein Token als „Authorization: Bearer <Token>“.',
  tokenRefused: 'Dieses Token ist unbekannt, widerrufen oder abgelaufen.',
  tokenInUrl:
    'Senden Sie ein Token im Authorization-Header, nie in einer URL: URLs landen in Protokollen und im Browserverlauf.',
  tokenReadOnly: 'Dieses Token darf nur lesen; erstellen Sie ein Token mit Schreibrecht, um etwas zu ändern.',
  sessionOnly: 'Das geht nur in einer angemeldeten Browsersitzung, nicht mit einem Token.',
  tooManyTokens: 'Höchstens {max} Tokens pro Benutzer; widerrufen Sie zuerst eines.',
  noToken: 'Kein Token {id}.',

  // The socket's requests (server/socket/).
  tooManyRequests: 'Zu viele Anfragen; bitte etwas langsamer.',
  ackRequired: '{event} muss mit einer Bestätigungs-Callback-Funktion (Acknowledgement) gesendet werden.',
  unknownEvent: 'Unbekanntes Ereignis „{name}“; siehe docs/protocol.md.',
  tooManySubscriptions:
    'Eine Verbindung darf höchstens {max} Streams abonnieren; mit dieser Anfrage wären es {count}.',
  notCandleStream:
    '„{stream}“ ist kein Kerzen-Stream: candles:<exchange>:<BASE/QUOTE>:<timeframe>, das Intervall eines von {timeframes}.',
  watchlistFull: 'Die Watchlist fasst höchstens {max} Streams.',

  // Markets and candles (server/feeds/catalog.ts, server/candles/).
  notStreamId: '„{stream}“ ist keine Stream-ID; erwartet wird „<exchange>:<BASE/QUOTE>“.',
  notStreamIdShort: '„{stream}“ ist keine Stream-ID.',
  exchangeNotConfigured: 'Die Börse „{exchange}“ ist hier nicht eingerichtet.',
  marketsLoading: 'Die Märkte von {exchange} sind noch nicht geladen; versuchen Sie es gleich noch einmal.',
  noMarket: '{exchange} hat keinen Markt „{symbol}“.',
  timeframeNotOffered:
    '{exchange} bietet keine Kerzen im Intervall {timeframe} an; angeboten werden: {offered}.',
  noTimeframes: 'keine',
  candlesUnavailable:
    '{exchange} hat auf die Anfrage nach Kerzen nicht geantwortet; versuchen Sie es gleich noch einmal.',

  // Alerts (server/alerts/).
  tooManyAlerts: 'Höchstens {max} Alarme pro Benutzer: Löschen Sie einige, bevor Sie neue setzen.',
  noAlert: 'Kein Alarm mit der ID {id}.',
  noAlertChannel: 'channels: kein Kanal "{id}"; legen Sie ihn zuerst auf der Seite Benachrichtigungen an.',

  // Accounts and transactions (server/portfolio/).
  noAccount: 'Kein Konto mit der ID {id}.',
  noTransaction: 'Keine Transaktion mit der ID {id}.',
  noAccountNamed: 'kein Konto {account}',
  transferNeedsAccount: 'bei einer Umbuchung erforderlich (das Konto, auf das sie geht)',
  transferSameAccount: 'muss ein anderes Konto als account sein',
  accountNameTaken: 'Es gibt bereits ein Konto namens „{name}“.',
  lastAccount: 'Dies ist Ihr einziges Konto: Ein Portfolio behält mindestens eines.',
  tooManyAccountsOne:
    'Sie haben {count} Konten; höchstens {max} sind möglich, also kein weiteres. Löschen Sie zuerst eines.',
  tooManyAccountsMore:
    'Sie haben {count} Konten; höchstens {max} sind möglich, also nicht {adding} weitere. Löschen Sie zuerst eines.',
  pricingExchange: 'pricing.{asset}: Die Börse „{exchange}“ ist hier nicht eingerichtet ({configured}).',

  // The tax report's query (report-routes.ts).
  yearOrRange: 'year: Geben Sie ein Jahr an oder from und to, nicht beides',
  rangeNeedsBoth: '{field}: erforderlich, wenn das andere Datum angegeben ist',
  rangeReversed: 'to: darf nicht vor from liegen',
  partCsvOnly: 'part: nur für den CSV-Download',
  holdingShort:
    'Transaktion {id} ({type} von {asset} am {time}): verlangt {quantity} {asset}, aber im Konto {account} sind ' +
    'zu diesem Zeitpunkt nur {held} {asset}',
  holdingShortWithFee:
    'Transaktion {id} ({type} von {asset} am {time}): verlangt {leaving} {asset} ({quantity} + {fee} Gebühr), ' +
    'aber im Konto {account} sind zu diesem Zeitpunkt nur {held} {asset}',
  quoteMixed:
    'Transaktion {id} ({type} von {asset} am {time}): {asset} ist hier in {quote} notiert, in Transaktion ' +
    '{otherId} aber in {otherQuote}; je Asset nur eine Gegenwährung',
  feeExceedsQuantity:
    'Transaktion {id} ({type} von {asset} am {time}): die Gebühr von {fee} {asset} lässt von den erhaltenen ' +
    '{quantity} {asset} nichts übrig',
} satisfies ServerCatalog['errors'];
