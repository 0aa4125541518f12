/** One account's holdings from GET /api/v1/portfolio's `accounts[]`, in the shape the live revaluation takes. */
import type { AccountAsset, PortfolioAnswer, PortfolioAsset } from './api/portfolio';
import { Exact } from './exact';

/**
 * The account `id` of `answer` as a portfolio answer of its own, or null when the answer has no such account.
 * An account's holdings carry no market (P3 sends `priceSource`, `venues` and `conversion` once, on the total):
 * each takes its asset's from the total, valued there at the same prices, so revaluePortfolio ticks it with the
 * same streams and rates as the whole portfolio, and no extra request is needed.
 */
export function accountPortfolio(answer: PortfolioAnswer, id: string): PortfolioAnswer | null {
  const account = answer.accounts.find((a) => a.id === id);
  if (!account) return null;
  const markets = new Map(answer.assets.map((a) => [a.asset, a]));
  return {
    method: answer.method,
    quoteCurrency: answer.quoteCurrency,
    complete: account.complete,
    totals: account.totals,
    assets: account.assets.map((a) => withMarket(a, markets.get(a.asset))),
    unpriced: account.unpriced,
    accounts: [account],
  };
}

// An asset the total does not list (never, as the server values both at once) keeps the account's own figures:
// its unit price is what its value says, and it does not tick.
function withMarket(asset: AccountAsset, total: PortfolioAsset | undefined): PortfolioAsset {
  if (total) {
    const { price, priceSource, venues, conversion } = total;
    return { ...asset, price, priceSource, venues, conversion };
  }
  const quantity = new Exact(asset.quantity);
  const price = quantity.eq(0) ? null : new Exact(asset.marketValue).div(quantity).toString();
  return { ...asset, price, priceSource: null, venues: [], conversion: null };
}
