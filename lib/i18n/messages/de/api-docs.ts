/** The API reference page: the REST API as the server's OpenAPI document describes it (docs/protocol.md H5). */
import type { Catalog } from '../en';

export const apiDocs = {
  metaTitle: 'API-Referenz · Livefolio',
  pageTitle: 'API-Referenz',
  intro:
    'Skripte und andere Werkzeuge rufen dieselbe REST-API auf wie diese Seite, mit einem persönlichen Zugriffstoken im Authorization-Header.',
  tokensLink: 'Token erstellen',
  documentNote:
    'Die Operationen unten stammen aus dem OpenAPI-3.1-Dokument des Servers, erzeugt aus den Schemas, gegen die er jede Anfrage und Antwort prüft; Codegeneratoren und API-Werkzeuge lesen es direkt.',
  documentLink: 'openapi.json',
  loading: 'API-Beschreibung wird geladen…',
  failed: 'Die API-Beschreibung konnte nicht geladen werden.',
  schemas: 'Schemas',
  parameters: 'Parameter',
  name: 'Name',
  where: 'Ort',
  type: 'Typ',
  body: 'Inhalt der Anfrage (JSON)',
  bodyCsv: 'Inhalt der Anfrage: eine CSV-Datei',
  answer: 'Antwort {status}',
  answerCsv: 'Antwort {status}: eine CSV-Datei',
  areaAuth: 'Konten und Sitzungen',
  areaTokens: 'API-Tokens',
  areaMarket: 'Märkte und Kerzen',
  areaPortfolio: 'Portfolio',
  areaTransactions: 'Transaktionen',
  areaAccounts: 'Portfolio-Konten',
  areaConnections: 'Börsenverbindungen',
  areaAlerts: 'Alarme',
  areaChannels: 'Alarmkanäle',
  areaReports: 'Steuerberichte',
  areaOpenapi: 'Diese Beschreibung',
  errors: 'Fehler',
} satisfies Catalog['apiDocs'];
