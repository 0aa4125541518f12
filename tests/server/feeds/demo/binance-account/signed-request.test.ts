import { describe, expect, it } from 'vitest';
import {
  DEMO_BINANCE_KEY,
  DEMO_BINANCE_SECRET,
  DEMO_BINANCE_TRADING_SECRET,
} from '../../../../../server/feeds/demo/binance-account/index';
import { verifyRequest } from '../../../../../server/feeds/demo/binance-account/signed-request';
import { BinanceRequestError } from '../../../../../server/feeds/demo/binance-params';
import { useDemo } from '../helpers';
import type { RawAnswer } from '../helpers';
import { binanceHmac, rawGet, signedGet } from './signed-client';
import type { SignedOptions } from './signed-client';

const { demo } = useDemo(21);

const account = (options: SignedOptions = {}, params: Record<string, string | number> = {}) =>
  signedGet(demo().url, '/api/v3/account', params, options);

/** Asserts Binance's error answer, and that it gives away neither the key nor the secret. */
function expectRefusal(answer: RawAnswer, status: number, code: number, msg?: string): void {
  expect(answer.status).toBe(status);
  expect(answer.body).toMatchObject(msg === undefined ? { code } : { code, msg });
  expect(answer.text).not.toContain(DEMO_BINANCE_KEY);
  expect(answer.text).not.toContain(DEMO_BINANCE_SECRET);
}

describe('signed requests, held to Binance\'s "SIGNED endpoint security" without ccxt', () => {
  it("the test's own HMAC procedure reproduces the signatures of Binance's documented examples", () => {
    const secret = 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j';
    const ascii =
      'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559';
    expect(binanceHmac(secret, ascii)).toBe(
      'c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71',
    );
    const encoded = ascii.replace('LTCBTC', encodeURIComponent('１２３４５６'));
    expect(binanceHmac(secret, encoded)).toBe(
      'e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3',
    );
  });

  it('answers a correctly signed request, and reports its weight (20) in X-MBX-USED-WEIGHT-1M', async () => {
    const first = await account();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ accountType: 'SPOT', permissions: ['SPOT'] });
    const second = await account();
    const used = (answer: RawAnswer) => Number(answer.headers.get('x-mbx-used-weight-1m'));
    // Another request (a ccxt poll) may land in between, or the minute turn; the step is at least 20 otherwise.
    expect(used(second) >= used(first) + 20 || used(second) === 20).toBe(true);
  });

  it('takes a hex signature in either case (HMAC signatures are not case-sensitive)', async () => {
    const payload = `timestamp=${Date.now()}`;
    const upper = binanceHmac(DEMO_BINANCE_SECRET, payload).toUpperCase();
    const answer = await rawGet(`${demo().url}/api/v3/account?${payload}&signature=${upper}`);
    expect(answer.status).toBe(200);
  });

  it('refuses a signature made with another secret, or over other parameters, with -1022', async () => {
    expectRefusal(
      await account({ secret: DEMO_BINANCE_TRADING_SECRET }),
      400,
      -1022,
      'Signature for this request is not valid.',
    );
    const payload = `timestamp=${Date.now()}`;
    const signature = binanceHmac(DEMO_BINANCE_SECRET, payload);
    // A parameter added after signing: the signature no longer covers what was sent.
    const tampered = await rawGet(
      `${demo().url}/api/v3/account?${payload}&omitZeroBalances=true&signature=${signature}`,
    );
    expectRefusal(tampered, 400, -1022);
    expectRefusal(await account({ signature: 'not-hex' }), 400, -1022);
  });

  it('refuses a missing signature or timestamp with -1102 and names the parameter', async () => {
    expectRefusal(
      await account({ signature: null }),
      400,
      -1102,
      "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.",
    );
    const signature = binanceHmac(DEMO_BINANCE_SECRET, 'omitZeroBalances=true');
    const noTimestamp = await rawGet(
      `${demo().url}/api/v3/account?omitZeroBalances=true&signature=${signature}`,
    );
    expectRefusal(
      noTimestamp,
      400,
      -1102,
      "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.",
    );
  });

  it('refuses a missing or malformed key with -2014 and an unknown one with -2015 (401)', async () => {
    expectRefusal(await account({ key: null }), 400, -2014, 'API-key format invalid.');
    expectRefusal(await account({ key: 'short' }), 400, -2014, 'API-key format invalid.');
    const unknown = 'x'.repeat(64);
    const answer = await account({ key: unknown });
    expectRefusal(answer, 401, -2015, 'Invalid API-key, IP, or permissions for action.');
    expect(answer.text).not.toContain(unknown);
  });

  it('enforces the timing rules: 1 s ahead, recvWindow (default 5000, at most 60000)', async () => {
    const now = Date.now();
    expectRefusal(
      await account({ timestamp: now + 120_000 }),
      400,
      -1021,
      "Timestamp for this request was 1000ms ahead of the server's time.",
    );
    expectRefusal(
      await account({ timestamp: now - 6000 }),
      400,
      -1021,
      'Timestamp for this request is outside of the recvWindow.',
    );
    expect((await account({ timestamp: now - 6000, recvWindow: 10_000 })).status).toBe(200);
    expect((await account({ timestamp: now - 6000, recvWindow: '9000.5' })).status).toBe(200);
    expectRefusal(
      await account({ recvWindow: 60_001 }),
      400,
      -1130,
      "Data sent for parameter 'recvWindow' is not valid.",
    );
    expectRefusal(await account({ recvWindow: '5e3' }), 400, -1100);
    expectRefusal(await account({ timestamp: 'soon' }), 400, -1100);
  });

  it('takes a timestamp in microseconds, as Binance does', async () => {
    expect((await account({ timestamp: Date.now() * 1000 })).status).toBe(200);
    expectRefusal(await account({ timestamp: (Date.now() + 60_000) * 1000 }), 400, -1021);
  });

  it('refuses a parameter sent twice (-1101) and one the endpoint does not read (-1104)', async () => {
    const now = Date.now();
    const payload = `timestamp=${now}&timestamp=${now}`;
    const twice = await rawGet(
      `${demo().url}/api/v3/account?${payload}&signature=${binanceHmac(DEMO_BINANCE_SECRET, payload)}`,
    );
    expectRefusal(twice, 400, -1101, 'Duplicate values for a parameter detected.');
    expectRefusal(await account({}, { symbol: 'BTCUSDT' }), 400, -1104);
  });

  it('signs the query string and the body concatenated without a separator, the query winning a clash', () => {
    const now = Date.now();
    const query = 'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC';
    const body = `quantity=1&price=0.1&recvWindow=5000&timestamp=${now}`;
    const signed = (payload: string) => `${body}&signature=${binanceHmac(DEMO_BINANCE_SECRET, payload)}`;
    const request = (signedBody: string) => ({
      apiKey: DEMO_BINANCE_KEY,
      query: `${query}&quantity=2`,
      body: signedBody,
    });
    const verified = verifyRequest(request(signed(`${query}&quantity=2${body}`)), 'USER_DATA', now);
    expect(verified.params.get('quantity')).toBe('2');
    expect(verified.params.has('signature')).toBe(false);
    expect(() => verifyRequest(request(signed(`${query}&quantity=2&${body}`)), 'USER_DATA', now)).toThrow(
      BinanceRequestError,
    );
  });
});
