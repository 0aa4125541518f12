/** Looks up Coinbase products by id or unified symbol, resolving -USDC aliases to the market that carries their data. */
import type { AliasProduct, CoinbaseMarket } from './catalogue';

/** A listed product: the market whose data it carries, and the alias it is listed as, if any. */
export interface ListedProduct {
  id: string;
  symbol: string;
  market: CoinbaseMarket;
  alias?: AliasProduct;
}

/** Every listed product, traded ones first, in a stable order. */
export interface ProductIndex {
  readonly products: readonly ListedProduct[];
  byId(id: string): ListedProduct | undefined;
  bySymbol(symbol: string): ListedProduct | undefined;
}

/** Builds the index; an alias whose -USD product is not traded is left out rather than served nothing. */
export function createProductIndex(
  markets: readonly CoinbaseMarket[],
  aliases: readonly AliasProduct[],
): ProductIndex {
  const marketsById = new Map(markets.map((market) => [market.id, market]));
  const products: ListedProduct[] = markets.map((market) => ({
    id: market.id,
    symbol: market.symbol,
    market,
  }));
  for (const alias of aliases) {
    const market = marketsById.get(alias.aliasOf);
    if (market !== undefined) products.push({ id: alias.id, symbol: alias.symbol, market, alias });
  }
  // Maps, not objects: an id such as `constructor` from a client must not find anything.
  const ids = new Map(products.map((p) => [p.id, p]));
  const symbols = new Map(products.map((p) => [p.symbol, p]));
  return { products, byId: (id) => ids.get(id), bySymbol: (symbol) => symbols.get(symbol) };
}
