/** What alert channels send, and why a delivery failed (server/alerts/channels/): a channel's last error. */
import type { ServerCatalog } from '../en';

export const channels = {
  alertTitle: 'Livefolio-Alarm',
  testTitle: 'Livefolio-Testnachricht',
  testText: 'Dies ist ein Test von Livefolio: Ihre Preisalarme erreichen Sie hier.',

  schemeRefused: 'Nur http://- und https://-Adressen können Alarme empfangen.',
  privateTarget:
    '{host} führt zu {address}, einer privaten oder lokalen Adresse: Alarme werden nicht in das Netz ' +
    'gesendet, in dem dieser Server läuft (die Serveradministration kann es mit ALERT_PRIVATE_TARGETS=true ' +
    'erlauben).',
  selfTarget:
    '{host} führt zu {address}, diesem Server selbst: Alarme werden nicht dorthin gesendet (die ' +
    'Serveradministration kann es mit ALERT_PRIVATE_TARGETS=true erlauben).',
  unknownHost: 'Der Name {host} wurde nicht gefunden: Prüfen Sie die Adresse.',

  timeout: '{target} hat nicht innerhalb von {seconds} s geantwortet; der Alarm wird später erneut gesendet.',
  unreachable: '{target} war nicht erreichbar ({reason}); der Alarm wird später erneut gesendet.',
  tlsFailed: 'Die sichere Verbindung zu {target} ist fehlgeschlagen ({reason}): Prüfen Sie das Zertifikat.',
  httpStatus: '{target} hat mit HTTP-Status {status} geantwortet.',
  rateLimited: '{target} begrenzt Nachrichten von diesem Server; der Alarm wird später erneut gesendet.',
  rejected: '{service} hat die Nachricht abgelehnt: {description}',
  badAnswer: '{target} hat eine unlesbare Antwort gesendet.',
  telegramToken:
    'Telegram hat das Bot-Token abgelehnt (Unauthorized): Kopieren Sie es noch einmal genau so, wie ' +
    '@BotFather es ausgegeben hat.',
  mailAuth: 'Der Mailserver {host} hat Benutzername oder Passwort abgelehnt.',
  mailRejected: 'Der Mailserver {host} hat die Nachricht abgelehnt: {description}',
  secretUnreadable:
    'Das gespeicherte Geheimnis des Kanals lässt sich mit dem SECRET_KEY dieses Servers nicht öffnen (es wurde ' +
    'unter einem anderen Schlüssel versiegelt): Geben Sie es erneut ein, oder löschen Sie den Kanal und legen ' +
    'Sie ihn neu an.',
  failed:
    'Das Senden ist aus einem Livefolio unbekannten Grund fehlgeschlagen; es wird später erneut versucht.',

  // What the channel routes refuse (channel-service.ts).
  tooManyChannels: 'Sie haben {max} Alarmkanäle, mehr geht nicht: Löschen Sie zuerst einen.',
  noChannel: 'Kein Alarmkanal „{id}“.',
  tooManyTests: 'Zu viele Testnachrichten angefordert; versuchen Sie es in {seconds} s erneut.',
} satisfies ServerCatalog['channels'];
