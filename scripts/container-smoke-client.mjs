// The client side of scripts/container-smoke.sh: talks to a running Livefolio as a user would, from the host.
// Usage: node scripts/container-smoke-client.mjs probe <path> <status>   (one GET; exit 0 when the answer matches)
//        node scripts/container-smoke-client.mjs signin-page             (the sign-in page, its script, in German too)
//        node scripts/container-smoke-client.mjs live                    (sign in, live prices, add a transaction)
//        node scripts/container-smoke-client.mjs persisted <id>          (sign in, the transaction is still there)
//        node scripts/container-smoke-client.mjs leader <url>...            (prints the one that runs the feeds)
// Reads SMOKE_URL, SMOKE_USER and SMOKE_PASSWORD; a password never goes on a command line.
/* global fetch, URL, AbortSignal, setTimeout, clearTimeout -- Node's, beyond eslint.config.js's .mjs globals */
const base = process.env.SMOKE_URL ?? 'http://127.0.0.1:3000';
const STREAM = 'binance:BTC/USDT';
const REQUEST_TIMEOUT_MS = 5_000;
const LIVE_TIMEOUT_MS = 30_000;

class SmokeFailure extends Error {}

function fail(message) {
  throw new SmokeFailure(message);
}

async function request(path, init = {}) {
  try {
    return await fetch(new URL(path, base), {
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      ...init,
    });
  } catch (error) {
    fail(`${init.method ?? 'GET'} ${path}: no answer (${error.cause?.code ?? error.message})`);
  }
}

async function json(response, what) {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    fail(`${what}: answered ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
}

/** One GET of a health endpoint; the shell retries it until its deadline. */
async function probe(path, expected) {
  const response = await request(path);
  const body = await json(response, `GET ${path}`);
  if (response.status !== 200 || body.status !== expected)
    fail(`GET ${path}: ${response.status} ${JSON.stringify(body)}`);
  console.log(`GET ${path}: ${response.status} ${JSON.stringify(body)}`);
}

/** The sign-in page as a browser gets it: its own script served from the image, and German for a German browser. */
async function signInPage() {
  const page = await request('/login', { headers: { 'accept-language': 'de-DE,de;q=0.9' } });
  const html = await page.text();
  if (page.status !== 200) fail(`GET /login: ${page.status}`);
  if (!html.includes('<html lang="de"') || !html.includes('Anmelden'))
    fail('GET /login in German: not German');
  const src = /<script src="(\/assets\/login-form\.[\w-]+\.js)"/.exec(html)?.[1];
  if (!src) fail("GET /login: no <script> of the page's own");
  const script = await request(src);
  const type = script.headers.get('content-type') ?? '';
  if (script.status !== 200 || !type.includes('javascript') || (await script.text()).length < 100)
    fail(`GET ${src}: ${script.status} ${type}`);
  console.log(`GET /login: German, its script ${src} served (${type})`);
}

async function signIn() {
  const { SMOKE_USER: username, SMOKE_PASSWORD: password } = process.env;
  if (!username || !password) fail('SMOKE_USER and SMOKE_PASSWORD must be set');
  const response = await request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) fail(`sign-in as ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('livefolio_session='));
  if (!cookie) fail('sign-in answered 200 without a livefolio_session cookie');
  return cookie;
}

/** Subscribes over a WebSocket and resolves with the first price a market:diff brings. */
async function firstLivePrice(cookie) {
  const { io } = await import('socket.io-client');
  const socket = io(base, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
  try {
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new SmokeFailure(`no market:diff with a price for ${STREAM} within ${LIVE_TIMEOUT_MS} ms`)),
        LIVE_TIMEOUT_MS,
      );
      socket.on('connect_error', (error) => reject(new SmokeFailure(`socket refused: ${error.message}`)));
      socket.on('market:diff', (diff) => {
        const last = diff.changes?.[STREAM]?.last;
        if (typeof last !== 'number') return;
        clearTimeout(timer);
        resolve(last);
      });
      socket.on('connect', () => {
        socket.emit('market:subscribe', { streams: [STREAM] }, (ack) => {
          if (!ack?.ok || !ack.snapshot)
            reject(new SmokeFailure(`market:subscribe refused: ${JSON.stringify(ack)}`));
        });
      });
    });
  } finally {
    socket.close();
  }
}

async function live() {
  const cookie = await signIn();
  const price = await firstLivePrice(cookie);
  console.log(`live: market:diff for ${STREAM} with last=${price}`);
  const response = await request('/api/v1/transactions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: base },
    body: JSON.stringify({
      type: 'buy',
      asset: 'BTC',
      quantity: '0.5',
      price: '30000',
      quoteCurrency: 'USDT',
      fee: '0',
      feeCurrency: 'USDT',
      time: '2026-03-01T10:00:00Z',
    }),
  });
  const body = await json(response, 'POST /api/v1/transactions');
  if (response.status !== 201 || !body.transaction?.id)
    fail(`POST /api/v1/transactions: ${response.status} ${JSON.stringify(body)}`);
  console.log(`live: transaction ${body.transaction.id} saved`);
  // The shell reads the id from the last line.
  console.log(body.transaction.id);
}

async function persisted(id) {
  if (!id) fail('persisted needs the transaction id');
  const cookie = await signIn();
  const response = await request('/api/v1/transactions', { headers: { cookie } });
  const body = await json(response, 'GET /api/v1/transactions');
  if (response.status !== 200) fail(`GET /api/v1/transactions: ${response.status} ${JSON.stringify(body)}`);
  const found = body.transactions?.find((t) => String(t.id) === id);
  if (!found) fail(`transaction ${id} is gone after the restart: ${JSON.stringify(body.transactions)}`);
  if (found.asset !== 'BTC' || found.quantity !== '0.5')
    fail(`transaction ${id} came back changed: ${JSON.stringify(found)}`);
  console.log(`persisted: transaction ${id} (buy 0.5 BTC) is still there`);
}

/** Of several instances, the one whose /metrics says it runs the cluster's feeds; fails unless exactly one does. */
async function leader(urls) {
  const leading = [];
  for (const url of urls) {
    const response = await fetch(new URL('/metrics', url), {
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (/^livefolio_feed_leader 1$/m.test(await response.text())) leading.push(url);
  }
  if (leading.length !== 1)
    fail(`expected one feed leader among ${urls.join(', ')}, found ${leading.length}`);
  console.log(leading[0]);
}

const [command, ...args] = process.argv.slice(2);
const commands = {
  probe: () => probe(args[0], args[1]),
  'signin-page': signInPage,
  live,
  persisted: () => persisted(args[0]),
  leader: () => leader(args),
};
try {
  if (!(command in commands))
    fail(`unknown command ${JSON.stringify(command)}: probe, signin-page, live, persisted or leader`);
  await commands[command]();
  process.exit(0);
} catch (error) {
  console.error(`smoke-client: ${error instanceof SmokeFailure ? error.message : error.stack}`);
  process.exit(1);
}
