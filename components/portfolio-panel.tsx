'use client';
/** The "Portfolio" panel: the server's valuation, revalued live at the tickers of the markets that price it. */
import Link from 'next/link';
import { useEffect, useId, useMemo, useState } from 'react';
import { setPortfolioCurrency, setPricingExchange } from '@/client/api/portfolio';
import { accountPortfolio } from '@/client/account-portfolio';
import { formatClock } from '@/client/format';
import { useFormatLocale, useT } from '@/client/i18n/provider';
import { useDashboardStore } from '@/client/store/provider';
import { revaluePortfolio } from '@/client/live-portfolio';
import type { PortfolioAnswer } from '@/client/api/portfolio';
import { Exact } from '@/client/exact';
import { PORTFOLIO_CURRENCIES } from '@/lib/portfolio/conversion-path';
import type { CostBasisMethod } from '@/lib/portfolio/lots';
import { AccountSelect } from './account-select';
import { FormAlert } from './auth-card';
import fieldStyles from './auth-card.module.css';
import { HoldingsTable } from './holdings-table';
import { PortfolioAllocation } from './portfolio-allocation';
import { Money, PortfolioSummary } from './portfolio-summary';
import styles from './portfolio-panel.module.css';
import { useLiveQuotes } from './use-live-quotes';
import { usePortfolio } from './use-portfolio';
import { usePortfolioAccount } from './use-portfolio-account';
import { ValueHistory } from './value-history';

/** The cost-basis methods and the keys of the names the select gives them. */
const METHODS = [
  { value: 'fifo', label: 'methodFifo' },
  { value: 'lifo', label: 'methodLifo' },
  { value: 'hifo', label: 'methodHifo' },
  { value: 'average', label: 'methodAverage' },
] as const satisfies ReadonlyArray<{ value: CostBasisMethod; label: string }>;

/** Re-renders when the answer changes or one of its own streams ticks; other tickers leave it alone. */
export function PortfolioPanel() {
  const t = useT('portfolio');
  const locale = useFormatLocale();
  const [method, setMethod] = useState<CostBasisMethod>('fifo');
  const { data, keptAt, error, loading, retry } = usePortfolio(method);
  const [currencyError, setCurrencyError] = useState<string | null>(null);
  const answer = useMemo(() => data && byValue(data), [data]);
  // The markets of the holdings and of the conversions into the portfolio's currency.
  const streams = useMemo(
    () =>
      answer?.assets.flatMap((a) => [
        ...(a.priceSource ? [a.priceSource.stream] : []),
        ...(a.conversion?.legs.map((leg) => leg.stream) ?? []),
      ]) ?? [],
    [answer],
  );
  const changeCurrency = async (currency: string) => {
    setCurrencyError(null);
    const result = await setPortfolioCurrency(currency);
    if (result.ok) retry();
    else setCurrencyError(result.message);
  };
  const priceOn = async (asset: string, exchange: string) => {
    setCurrencyError(null);
    const result = await setPricingExchange(asset, exchange);
    if (result.ok) retry();
    else setCurrencyError(result.message);
  };
  const [chosen, choose] = usePortfolioAccount();
  // One account is the whole portfolio: no choice to offer. A remembered account that is gone shows them all.
  const accounts = data && data.accounts.length > 1 ? data.accounts : [];
  const account = accounts.find((a) => a.id === chosen) ?? null;
  // The account's holdings take their markets from the total's: the same streams keep both ticking.
  const shown = useMemo(
    () => (answer && account ? byValue(accountPortfolio(answer, account.id) ?? answer) : answer),
    [answer, account],
  );
  const quotes = useLiveQuotes(streams);
  const live = useMemo(() => shown && revaluePortfolio(shown, quotes), [shown, quotes]);
  // The whole portfolio's value, for a portfolio alert's form; one account's figures are not what alerts watch.
  const store = useDashboardStore();
  const wholeValue = !account && live?.complete ? live.totals.marketValue.toFixed() : null;
  const wholeCurrency = live?.quoteCurrency ?? '';
  useEffect(() => {
    store
      .getState()
      .setPortfolioValue(wholeValue === null ? null : { value: wholeValue, currency: wholeCurrency });
  }, [store, wholeValue, wholeCurrency]);
  const accountId = useId();
  const methodId = useId();
  const currencyId = useId();
  const shownError = error ?? currencyError;

  const open = live?.holdings.filter((h) => !h.quantity.eq(0)) ?? [];
  const closed = live?.holdings.filter((h) => h.quantity.eq(0)) ?? [];
  const empty = live !== null && open.length === 0 && live.unpriced.length === 0;
  // The Transactions page lists the account shown, and its form books in it by default.
  const transactionsHref = account
    ? `/transactions?account=${encodeURIComponent(account.id)}`
    : '/transactions';

  return (
    <section className={styles.panel} aria-labelledby="portfolio-title" aria-busy={loading}>
      <header className={styles.head}>
        <h2 id="portfolio-title" className={styles.title}>
          {t('title')}
        </h2>
        <div className={styles.controls}>
          {accounts.length > 0 && (
            <>
              <label htmlFor={accountId} className={styles.label}>
                {t('accountLabel')}
              </label>
              <AccountSelect
                id={accountId}
                className={`${fieldStyles.input} ${styles.select}`}
                accounts={accounts}
                value={account?.id ?? null}
                onChange={choose}
              />
            </>
          )}
          <label htmlFor={methodId} className={styles.label}>
            {t('methodLabel')}
          </label>
          <select
            id={methodId}
            className={`${fieldStyles.input} ${styles.select}`}
            value={method}
            onChange={(event) => setMethod(event.currentTarget.value as CostBasisMethod)}
          >
            {METHODS.map((m) => (
              <option key={m.value} value={m.value}>
                {t(m.label)}
              </option>
            ))}
          </select>
          <label htmlFor={currencyId} className={styles.label}>
            {t('currencyLabel')}
          </label>
          <select
            id={currencyId}
            className={`${fieldStyles.input} ${styles.select}`}
            value={data?.quoteCurrency ?? 'USDT'}
            disabled={data === null}
            onChange={(event) => void changeCurrency(event.currentTarget.value)}
          >
            {PORTFOLIO_CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
          {/* No prefetch: the Transactions page's code (its forms and zod) is fetched when it is opened, not with
              the dashboard, which a phone on a slow network would pay for before its first price. */}
          <Link href={transactionsHref} className={styles.link} prefetch={false}>
            {t('transactionsLink')}
          </Link>
        </div>
      </header>
      <div className={styles.messages}>
        <FormAlert message={shownError === null ? null : { text: shownError, at: 0 }} />
        {keptAt !== null && (
          <p className={styles.note} data-testid="portfolio-kept">
            {t('keptNote', { time: formatClock(keptAt, false, locale) })}
          </p>
        )}
        {error && (
          <button type="button" className={styles.retry} onClick={retry}>
            {t('retry')}
          </button>
        )}
      </div>
      {live === null ? (
        !error && <p className={styles.placeholder}>{t('loading')}</p>
      ) : empty && closed.length === 0 && account ? (
        <p className={styles.placeholder}>
          {t('emptyAccount', { account: account.name })}{' '}
          <Link href={transactionsHref} prefetch={false}>
            {t('emptyAccountLink')}
          </Link>
        </p>
      ) : empty && closed.length === 0 ? (
        <p className={styles.placeholder}>
          {t('emptyPortfolio')}{' '}
          <Link href="/transactions" prefetch={false}>
            {t('emptyPortfolioLink')}
          </Link>
        </p>
      ) : (
        <>
          <PortfolioSummary totals={live.totals} quote={live.quoteCurrency} unpriced={live.unpriced} />
          {empty ? (
            <p className={styles.placeholder}>
              {account ? t('noOpenHoldingsIn', { account: account.name }) : t('noOpenHoldings')}{' '}
              <Link href={transactionsHref} prefetch={false}>
                {t('addTransaction')}
              </Link>
            </p>
          ) : (
            <div className={styles.columns}>
              <HoldingsTable
                holdings={open}
                unpriced={live.unpriced}
                quote={live.quoteCurrency}
                account={account?.name}
                onPriceOn={(asset, exchange) => void priceOn(asset, exchange)}
              />
              <PortfolioAllocation holdings={open} />
            </div>
          )}
          {/* The recorded history is of the whole portfolio (P6): under one account's figures it would mislead. */}
          {open.length > 0 && !account && (
            <ValueHistory
              currency={live.quoteCurrency}
              live={live.complete ? live.totals.marketValue.toFixed() : null}
            />
          )}
          {closed.length > 0 && (
            <p className={styles.note}>
              {t('closedPositions')}{' '}
              {closed.map((h, i) => (
                <span key={h.asset}>
                  {i > 0 && ', '}
                  {h.asset} <Money value={h.realizedPnl} quote={live.quoteCurrency} signed />
                </span>
              ))}
            </p>
          )}
        </>
      )}
    </section>
  );
}

// Largest holdings first, by the server's value: the order holds still between refetches, whatever the ticks do.
function byValue(answer: PortfolioAnswer): PortfolioAnswer {
  const value = (text: string) => new Exact(text);
  const assets = [...answer.assets].sort(
    (a, b) => value(b.marketValue).cmp(value(a.marketValue)) || (a.asset < b.asset ? -1 : 1),
  );
  return { ...answer, assets };
}
