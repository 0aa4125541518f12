import ccxt from 'ccxt';
import { describe, expect, it } from 'vitest';
import { binanceClient, book, useDemo } from './helpers';

const { demo, get } = useDemo(11);

describe('demo exchange REST, through unmodified ccxt binance', () => {
  it('serves loadMarkets from /api/v3/exchangeInfo alone, with sane precision', async () => {
    const ex = await binanceClient(demo(), { load: false });
    const called: string[] = [];
    const fetchOriginal = ex.fetch.bind(ex);
    ex.fetch = (url: string, ...rest: [string?, Record<string, unknown>?, unknown?]) => {
      called.push(new URL(url).pathname);
      return fetchOriginal(url, ...rest);
    };
    const markets = await ex.loadMarkets();
    expect(called).toEqual(['/api/v3/exchangeInfo']);
    expect(Object.keys(markets).sort()).toEqual(demo().symbols().sort());
    expect(Object.keys(markets).length).toBeGreaterThanOrEqual(38);
    const btc = markets['BTC/USDT'];
    expect(btc).toMatchObject({
      id: 'BTCUSDT',
      base: 'BTC',
      quote: 'USDT',
      spot: true,
      active: true,
      type: 'spot',
    });
    expect(btc?.precision).toMatchObject({ price: 0.01, amount: 0.00001 });
    expect(markets['DOGE/USDT']?.precision.price).toBe(0.00001);
    expect(markets['PEPE/USDT']?.precision).toMatchObject({ price: 1e-8, amount: 1 });
    expect(markets['ETH/BTC']?.limits.cost?.min).toBe(0.0001);
  });

  it("also serves ccxt's default loadMarkets (spot, linear, inverse): the futures lists are empty", async () => {
    const ex = await binanceClient(demo(), { spotOnly: false, load: false });
    const markets = await ex.loadMarkets();
    expect(Object.values(markets).every((m) => m?.spot === true)).toBe(true);
    expect(Object.keys(markets)).toHaveLength(demo().symbols().length);
  });

  it('fetchTickers(symbols) returns exactly the simulator values, bid < ask', async () => {
    const ex = await binanceClient(demo());
    demo().faults.stall(); // freezes the model, so REST and the simulator can be compared exactly
    const tickers = await ex.fetchTickers(['BTC/USDT', 'ETH/USDT', 'PEPE/USDT']);
    expect(Object.keys(tickers).sort()).toEqual(['BTC/USDT', 'ETH/USDT', 'PEPE/USDT']);
    for (const [symbol, t] of Object.entries(tickers)) {
      const sim = demo().ticker(symbol);
      const { bid, ask } = book(t);
      expect(bid).toBeLessThan(ask);
      expect(t).toMatchObject({
        symbol,
        last: sim?.last,
        bid: sim?.bid,
        ask: sim?.ask,
        high: sim?.high,
        low: sim?.low,
        open: sim?.open,
        percentage: sim?.percentage,
        baseVolume: sim?.baseVolume,
        timestamp: sim?.timestamp,
      });
    }
  });

  it('fetchTickers() without symbols returns every market; fetchTicker returns one', async () => {
    const ex = await binanceClient(demo());
    const all = await ex.fetchTickers();
    expect(Object.keys(all)).toHaveLength(demo().symbols().length);
    const sol = await ex.fetchTicker('SOL/USDT');
    expect(sol.symbol).toBe('SOL/USDT');
    expect(sol.last).toBeGreaterThan(0);
    await expect(ex.fetchTicker('NOPE/USDT')).rejects.toBeInstanceOf(ccxt.BadSymbol);
    expect((await ex.fetchStatus()).status).toBe('ok');
    expect(Math.abs(((await ex.fetchTime()) ?? 0) - Date.now())).toBeLessThan(5000);
  });

  it('answers like Binance on the raw endpoints, errors included', async () => {
    expect(await get('/api/v3/ping')).toEqual({ status: 200, body: {} });
    const time = await get('/api/v3/time');
    expect(Math.abs((time.body as { serverTime: number }).serverTime - Date.now())).toBeLessThan(5000);
    expect(await get('/api/v3/ticker/24hr?symbol=NOPEUSDT')).toEqual({
      status: 400,
      body: { code: -1121, msg: 'Invalid symbol.' },
    });
    expect((await get('/api/v3/ticker/24hr?symbols=BTCUSDT')).status).toBe(400);
    expect((await get('/api/v3/ticker/24hr?symbol=BTCUSDT&symbols=["BTCUSDT"]')).body).toMatchObject({
      code: -1128,
    });
    const missing = await get('/api/v3/depth?symbol=BTCUSDT');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: -5000 });
    const list = await get(
      `/api/v3/ticker/bookTicker?symbols=${encodeURIComponent('["ETHUSDT","BTCUSDT"]')}`,
    );
    expect((list.body as Array<{ symbol: string }>).map((t) => t.symbol)).toEqual(['ETHUSDT', 'BTCUSDT']);
    const mini = await get('/api/v3/ticker/24hr?symbol=BTCUSDT&type=MINI');
    expect(mini.body).not.toHaveProperty('bidPrice');
    expect(mini.body).toHaveProperty('lastPrice');
  });

  it('describes every market like Binance exchangeInfo: filters consistent with the prices', async () => {
    const { body } = await get('/api/v3/exchangeInfo');
    const symbols = (body as { symbols: Array<Record<string, unknown>> }).symbols;
    const btc = symbols.find((s) => s.symbol === 'BTCUSDT');
    expect(btc).toMatchObject({
      status: 'TRADING',
      baseAsset: 'BTC',
      quoteAsset: 'USDT',
      isSpotTradingAllowed: true,
    });
    expect(btc?.filters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ filterType: 'PRICE_FILTER', tickSize: '0.01000000' }),
        expect.objectContaining({ filterType: 'LOT_SIZE', stepSize: '0.00001000' }),
      ]),
    );
    for (const info of symbols) {
      const filter = (info.filters as Array<Record<string, string>>).find(
        (f) => f.filterType === 'PRICE_FILTER',
      );
      const symbol = `${String(info.baseAsset)}/${String(info.quoteAsset)}`;
      const last = demo().ticker(symbol)?.last ?? 0;
      expect(Number(filter?.tickSize)).toBeLessThan(last / 100); // at least two significant ticks of price
      expect(Number(filter?.maxPrice)).toBeGreaterThan(last * 10);
    }
  });
});
