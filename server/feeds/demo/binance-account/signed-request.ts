/** Binance's checks of a SIGNED request: API key, duplicate parameters, timestamp and recvWindow, HMAC-SHA256 signature. */
import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  BinanceRequestError,
  INTEGER,
  illegalCharacters,
  invalidParameter,
  mandatory,
} from '../binance-params';
import { API_KEY_FORMAT, findApiKey } from './keys';
import type { DemoApiKey } from './keys';

/** What Binance requires of a request: a valid key alone (MARKET_DATA) or a key and a signature (USER_DATA). */
export type Security = 'MARKET_DATA' | 'USER_DATA';

/** A request as it arrived: the key header and the raw, still percent-encoded, query string and body. */
export interface RawRequest {
  apiKey: string | undefined;
  query: string;
  body: string;
}

/** An authenticated request: whose key it carried and its parameters, without the security ones. */
export interface VerifiedRequest {
  key: DemoApiKey;
  params: URLSearchParams;
}

const DEFAULT_RECV_WINDOW = 5000;
const MAX_RECV_WINDOW = 60_000;
// Milliseconds with up to three decimals, so microseconds may be given, as Binance documents.
const RECV_WINDOW = /^[0-9]{1,20}(\.[0-9]{1,3})?$/;
// A timestamp of 16 digits or more is in microseconds (Binance takes either); 1e15 ms is the year 33658.
const MICROSECONDS = 1e15;
const SECURITY_PARAMS = ['signature', 'timestamp', 'recvWindow'];

const components = (raw: string): string[] => (raw === '' ? [] : raw.split('&'));
const nameOf = (component: string): string => new URLSearchParams(component).keys().next().value ?? '';

/**
 * The signed payload: the query string, then the body, concatenated without a separator (Binance's "totalParams"),
 * each as sent and without its `signature` parameter.
 */
export function signaturePayload(query: string, body: string): string {
  const unsigned = (raw: string) =>
    components(raw)
      .filter((part) => nameOf(part) !== 'signature')
      .join('&');
  return unsigned(query) + unsigned(body);
}

/** The hex HMAC-SHA256 of a payload under a secret, as Binance's HMAC keys sign. */
export function hmacHex(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('hex');
}

/** One source's parameters; -1101 when a name comes twice, as a client would not mean it to. */
function parameters(raw: string): URLSearchParams {
  const params = new URLSearchParams(raw);
  const names = [...params.keys()];
  if (new Set(names).size !== names.length) {
    throw new BinanceRequestError(400, -1101, 'Duplicate values for a parameter detected.');
  }
  return params;
}

function authenticate(apiKey: string | undefined): DemoApiKey {
  if (apiKey === undefined || !API_KEY_FORMAT.test(apiKey)) {
    throw new BinanceRequestError(400, -2014, 'API-key format invalid.');
  }
  const key = findApiKey(apiKey);
  // The same words whatever was wrong, and never the key itself: an answer must not help guess keys.
  if (key === undefined)
    throw new BinanceRequestError(401, -2015, 'Invalid API-key, IP, or permissions for action.');
  return key;
}

function signatureMatches(secret: string, payload: string, signature: string): boolean {
  // HMAC signatures are not case-sensitive (Binance's docs); anything but 64 hex digits cannot match.
  if (!/^[0-9a-fA-F]{64}$/.test(signature)) return false;
  const expected = Buffer.from(hmacHex(secret, payload), 'hex');
  // Constant time, so the answer's timing says nothing about how much of a forged signature was right.
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}

function checkTiming(params: URLSearchParams, now: number): void {
  const rawTimestamp = mandatory(params, 'timestamp');
  if (!INTEGER.test(rawTimestamp)) throw illegalCharacters('timestamp', INTEGER);
  const rawWindow = params.get('recvWindow');
  if (rawWindow !== null && !RECV_WINDOW.test(rawWindow)) throw illegalCharacters('recvWindow', RECV_WINDOW);
  const recvWindow = rawWindow === null ? DEFAULT_RECV_WINDOW : Number(rawWindow);
  if (recvWindow > MAX_RECV_WINDOW) throw invalidParameter('recvWindow');
  const sent = Number(rawTimestamp);
  const timestamp = sent >= MICROSECONDS ? sent / 1000 : sent;
  if (timestamp >= now + 1000) {
    throw new BinanceRequestError(
      400,
      -1021,
      "Timestamp for this request was 1000ms ahead of the server's time.",
    );
  }
  if (now - timestamp > recvWindow) {
    throw new BinanceRequestError(400, -1021, 'Timestamp for this request is outside of the recvWindow.');
  }
}

/**
 * Checks a request in Binance's order: the key (-2014, -2015), duplicates (-1101), then for USER_DATA the signature
 * (-1102 missing, -1022 wrong) and the timing (-1100, -1130, -1021). Query parameters win over body ones.
 */
export function verifyRequest(request: RawRequest, security: Security, now: number): VerifiedRequest {
  const key = authenticate(request.apiKey);
  const query = parameters(request.query);
  const params = parameters(request.body);
  for (const [name, value] of query) params.set(name, value);
  if (security === 'USER_DATA') {
    const signature = mandatory(params, 'signature');
    if (!signatureMatches(key.secret, signaturePayload(request.query, request.body), signature)) {
      throw new BinanceRequestError(400, -1022, 'Signature for this request is not valid.');
    }
    checkTiming(params, now);
  }
  for (const name of SECURITY_PARAMS) params.delete(name);
  return { key, params };
}
