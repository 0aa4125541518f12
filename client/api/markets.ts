/** Browser call to the market search (GET /api/v1/markets, docs/protocol.md H2), for the add-ticker box. */
import type { AnswerAt } from './answer-routes';
import { request } from './auth';
import type { ApiResult } from './auth';
import { answerOf } from './contract-answer';

/** A market a search found: its stream id and its symbol as the exchange writes it. */
export interface MarketOption {
  stream: string;
  symbol: string;
}

/** The exchange searched (the API's default one unless the text named another) and what it found. */
export interface MarketMatches {
  exchange: string;
  markets: MarketOption[];
}

/** The API's longest `q`. */
const MAX_QUERY = 40;

const pickMatches = ({ exchange, markets }: AnswerAt<'market.markets'>): MarketMatches => ({
  exchange,
  markets: markets.map(({ stream, symbol }) => ({ stream, symbol })),
});

/** Up to `limit` markets matching `text`; `exchange:text` searches that exchange, anything else the default one. */
export function searchMarkets(
  text: string,
  limit: number,
  signal?: AbortSignal,
): Promise<ApiResult<MarketMatches>> {
  const params = new URLSearchParams({ limit: String(limit) });
  const prefix = /^([a-z][a-z0-9]*):(.*)$/.exec(text);
  if (prefix) params.set('exchange', prefix[1] as string);
  params.set('q', (prefix ? (prefix[2] as string) : text).slice(0, MAX_QUERY));
  return request(`/api/v1/markets?${params.toString()}`, { signal }, answerOf('market.markets', pickMatches));
}
