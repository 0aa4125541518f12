/** Every schema version in order. Append new steps; never change or reorder one that has shipped. */
import { watchlist } from './001-watchlist';
import { accounts } from './002-accounts';
import { transactions } from './003-transactions';
import { quoteCurrency } from './004-quote-currency';
import { portfolioValues } from './005-portfolio-values';
import { alerts } from './006-alerts';
import { dailyValues } from './007-daily-values';
import { assetPricing } from './008-asset-pricing';
import { portfolioAccounts } from './009-portfolio-accounts';
import { exchangeConnections } from './010-exchange-connections';
import { apiTokens } from './011-api-tokens';
import { alertChannels } from './012-alert-channels';
import { alertKinds } from './013-alert-kinds';
import type { SchemaStep } from './step';

export type { Engine, SchemaStep } from './step';

/** Step n is schema version n: SQLite files from before the migration table recorded it as user_version. */
export const SCHEMA_STEPS: readonly SchemaStep[] = [
  watchlist,
  accounts,
  transactions,
  quoteCurrency,
  portfolioValues,
  alerts,
  dailyValues,
  assetPricing,
  portfolioAccounts,
  exchangeConnections,
  apiTokens,
  alertChannels,
  alertKinds,
];
