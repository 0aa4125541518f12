import type { Trade, Transaction } from 'ccxt';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../../../lib/portfolio/decimal';
import {
  DEMO_BINANCE_TRADING_KEY,
  DEMO_BINANCE_TRADING_SECRET,
  HISTORY_DAYS,
  ORDERS_PER_MARKET,
  UNRECORDED_BALANCES,
} from '../../../../../server/feeds/demo/binance-account/index';
import { useDemo } from '../helpers';
import type { DemoClient } from '../helpers';
import { keyedClient } from './signed-client';

const { demo } = useDemo(42);

const DAY = 86_400_000;
const WINDOW = 90 * DAY;
const SYMBOLS = Object.keys(ORDERS_PER_MARKET);

/** Every fill of a market, paged by `since` as a sync would (limit 25, so several pages per market). */
async function allTrades(ex: DemoClient, symbol: string): Promise<Trade[]> {
  const trades: Trade[] = [];
  let since = Date.now() - (HISTORY_DAYS + 1) * DAY;
  for (;;) {
    const page = await ex.fetchMyTrades(symbol, since, 25);
    trades.push(...page);
    const last = page.at(-1)?.timestamp;
    if (page.length < 25 || last === undefined) return trades;
    since = last + 1;
  }
}

/** Deposits or withdrawals of every 90-day window back past the history's start, as a full sync walks them. */
async function allTransfers(fetch: (since: number) => Promise<Transaction[]>): Promise<Transaction[]> {
  const byId = new Map<string, Transaction>();
  const now = Date.now();
  for (let since = now - WINDOW; since > now - HISTORY_DAYS * DAY - WINDOW; since -= WINDOW) {
    for (const transfer of await fetch(since)) byId.set(String(transfer.id), transfer);
  }
  return [...byId.values()];
}

type DividendRow = { id: number; amount: string; asset: string; direction: number };

/** The asset-dividend record through ccxt's signed implicit call, 180-day windows back past the history's start. */
async function allDividends(ex: DemoClient): Promise<DividendRow[]> {
  const byId = new Map<number, DividendRow>();
  const now = Date.now();
  for (let end = now; end > now - (HISTORY_DAYS + 180) * DAY; end -= 180 * DAY) {
    const answer = (await ex.sapiGetAssetAssetDividend({
      startTime: end - 180 * DAY + 1,
      endTime: end,
      limit: 500,
    })) as { rows: DividendRow[]; total: number };
    expect(answer.rows.length).toBe(answer.total);
    for (const row of answer.rows) byId.set(row.id, row);
  }
  return [...byId.values()];
}

/** A field of the exchange's own answer, as sent: sums in exact decimals, never ccxt's floats. */
function raw(entry: { info: unknown }, name: string): string {
  const value = (entry.info as Record<string, unknown>)[name];
  if (typeof value !== 'string') throw new Error(`no string ${name} in ${JSON.stringify(entry.info)}`);
  return value;
}

function add(totals: Map<string, Decimal>, asset: string, amount: string | Decimal): void {
  totals.set(asset, (totals.get(asset) ?? new Decimal(0)).plus(amount));
}

describe('the demo account through the real ccxt binance class with a read-only key', () => {
  it('loads markets and currencies with the key: the wallet lists its coins and their networks', async () => {
    const ex = await keyedClient(demo());
    expect(ex.currencies['USDT']?.networks).toHaveProperty('TRC20');
    expect(ex.currencies['BTC']?.networks['BTC']?.fee).toBe(0.00002);
    expect(ex.currencies['EUR']?.type).toBe('fiat');
  });

  it('fetchMyTrades pages through every market, each fill with a parsed fee, at the prices of the demo chart', async () => {
    const ex = await keyedClient(demo());
    for (const symbol of SYMBOLS) {
      const trades = await allTrades(ex, symbol);
      const expected = demo().account.trades(symbol);
      expect(trades.map((t) => Number(t.id))).toEqual(expected.map((t) => t.id));
      expect(trades.length).toBeGreaterThanOrEqual(ORDERS_PER_MARKET[symbol] ?? 0);
      for (const trade of trades) {
        expect(trade.symbol).toBe(symbol);
        expect(trade.fee?.cost).toBe(Number(raw(trade, 'commission')));
        expect(trade.fee?.currency).toBe(raw(trade, 'commissionAsset'));
        expect(
          new Decimal(raw(trade, 'quoteQty')).equals(
            new Decimal(raw(trade, 'price')).times(raw(trade, 'qty')),
          ),
        ).toBe(true);
      }
      // The first and the last fill sit at the open of the one-minute candle the demo serves for their moment.
      for (const trade of [trades[0], trades.at(-1)]) {
        const minute = Math.floor((trade?.timestamp ?? 0) / 60_000) * 60_000;
        const [candle] = await ex.fetchOHLCV(symbol, '1m', minute, 1);
        expect(candle?.[0]).toBe(minute);
        expect(trade?.price).toBe(candle?.[1]);
      }
    }
    const fees = new Set(
      demo()
        .account.trades()
        .map((t) => t.commissionAsset),
    );
    expect(fees).toContain('BNB');
    expect([...fees].some((asset) => asset !== 'BNB')).toBe(true);
  });

  it('fetchDeposits returns the last 90 days by default; older windows hold the rest', async () => {
    const ex = await keyedClient(demo());
    const recent = await ex.fetchDeposits();
    const all = demo().account.deposits();
    const within = all.filter((d) => d.insertTime >= Date.now() - WINDOW);
    expect(recent.map((d) => d.id).sort()).toEqual(within.map((d) => d.id).sort());
    expect(within.length).toBeLessThan(all.length);
    const walked = await allTransfers((since) => ex.fetchDeposits(undefined, since));
    expect(walked.map((d) => d.id).sort()).toEqual(all.map((d) => d.id).sort());
    for (const deposit of walked) expect(deposit).toMatchObject({ type: 'deposit', status: 'ok' });
    expect(walked.find((d) => d.currency === 'USDT' && d.amount === 20_000)?.network).toBe('TRC20');
  });

  it('fetchWithdrawals finds the one withdrawal with its network fee', async () => {
    const ex = await keyedClient(demo());
    const [withdrawal] = demo().account.withdrawals();
    const walked = await allTransfers((since) => ex.fetchWithdrawals(undefined, since));
    expect(walked).toHaveLength(1);
    expect(walked[0]).toMatchObject({
      id: withdrawal?.id,
      type: 'withdrawal',
      status: 'ok',
      currency: 'BTC',
      network: 'BTC',
      amount: Number(withdrawal?.amount),
      fee: { currency: 'BTC', cost: 0.00002 },
      timestamp: withdrawal?.applyTime,
    });
  });

  it('fetchBalance equals the sum of the fetched history and asset dividends, plus the one unrecorded balance', async () => {
    const ex = await keyedClient(demo());
    const derived = new Map<string, Decimal>();
    for (const symbol of SYMBOLS) {
      const [base = '', quote = ''] = symbol.split('/');
      for (const trade of await allTrades(ex, symbol)) {
        const sign = trade.side === 'buy' ? 1 : -1;
        add(derived, base, new Decimal(raw(trade, 'qty')).times(sign));
        add(derived, quote, new Decimal(raw(trade, 'quoteQty')).times(-sign));
        add(derived, raw(trade, 'commissionAsset'), new Decimal(raw(trade, 'commission')).negated());
      }
    }
    for (const d of await allTransfers((since) => ex.fetchDeposits(undefined, since)))
      add(derived, raw(d, 'coin'), raw(d, 'amount'));
    for (const w of await allTransfers((since) => ex.fetchWithdrawals(undefined, since))) {
      add(derived, raw(w, 'coin'), new Decimal(raw(w, 'amount')).plus(raw(w, 'transactionFee')).negated());
    }
    const dividends = await allDividends(ex);
    expect(new Set(dividends.map((d) => d.asset))).toEqual(new Set(['USDT', 'SOL', 'OP']));
    for (const d of dividends) add(derived, d.asset, new Decimal(d.amount).times(d.direction));
    const balance = await ex.fetchBalance();
    const reported = (balance.info as { balances: { asset: string; free: string; locked: string }[] })
      .balances;
    for (const { asset, free, locked } of reported) {
      const expected = (derived.get(asset) ?? new Decimal(0)).plus(UNRECORDED_BALANCES[asset] ?? 0);
      expect(`${asset} ${new Decimal(free).plus(locked).toFixed()}`).toBe(`${asset} ${expected.toFixed()}`);
    }
    // The gap a sync must reconcile: a balance no record explains.
    expect(derived.get('ARB')).toBeUndefined();
    expect(balance['ARB']?.total).toBe(62.5);
    expect(
      Object.fromEntries(
        reported.filter((b) => Number(b.free) > 0).map((b) => [b.asset, b.free.replace(/\.?0+$/, '')]),
      ),
    ).toEqual(demo().account.balances());
  });

  it('omitZeroBalances=true leaves out the empty balances', async () => {
    const ex = await keyedClient(demo());
    const all = (await ex.privateGetAccount()) as { balances: { free: string }[] };
    const held = (await ex.privateGetAccount({ omitZeroBalances: 'true' })) as {
      balances: { free: string }[];
    };
    expect(held.balances.length).toBe(Object.keys(demo().account.balances()).length);
    expect(all.balances.length).toBeGreaterThan(held.balances.length);
    expect(held.balances.every((b) => Number(b.free) > 0)).toBe(true);
  });

  it("reports each key's restrictions: reading only, or trading and withdrawals enabled behind an IP restriction", async () => {
    const readOnly = await keyedClient(demo(), { load: false });
    expect(await readOnly.sapiGetAccountApiRestrictions()).toMatchObject({
      ipRestrict: false,
      enableReading: true,
      enableSpotAndMarginTrading: false,
      enableWithdrawals: false,
    });
    const trading = await keyedClient(demo(), {
      key: DEMO_BINANCE_TRADING_KEY,
      secret: DEMO_BINANCE_TRADING_SECRET,
      load: false,
    });
    const restrictions = (await trading.sapiGetAccountApiRestrictions()) as Record<string, unknown>;
    expect(restrictions).toMatchObject({
      ipRestrict: true,
      enableReading: true,
      enableSpotAndMarginTrading: true,
      enableWithdrawals: true,
    });
    expect(restrictions['createTime']).toBeLessThan(Date.now());
  });
});
