'use client';
/** "Add ticker": an ARIA combobox with market suggestions from the API; Enter adds the typed or suggested stream. */
import { useEffect, useId, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { searchMarkets } from '@/client/api/markets';
import type { MarketMatches, MarketOption } from '@/client/api/markets';
import { exchangeName } from '@/client/format';
import { useT } from '@/client/i18n/provider';
import type { StreamId } from '@/lib/protocol';
import type { DashboardConnection } from '@/client/socket/dashboard-connection';
import type { NoticeMessage } from '@/client/store/notice';
import { useDashboard, useDashboardStore } from '@/client/store/provider';
import { parseStreamId } from '@/lib/stream-id';
import styles from './add-ticker.module.css';

const DEBOUNCE_MS = 150;
const SUGGESTIONS = 8;

/** What a search found, and the text it answers, as typed. */
interface Suggestions extends MarketMatches {
  query: string;
}

/** The combobox; adding goes through the connection, which reports a refusal in `store.notice`. */
export function AddTicker({ connection }: { connection: DashboardConnection | null }) {
  const t = useT('dashboard');
  const store = useDashboardStore();
  const watchlist = useDashboard((s) => s.watchlist);
  const [text, setText] = useState('');
  const [found, setFound] = useState<Suggestions | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const listId = useId();
  const query = normalize(text);

  useEffect(() => {
    if (!query) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      findMarkets(query, controller.signal).then(
        (result) => setFound(result),
        () => undefined, // aborted or failed: the list keeps what it had; Enter searches again
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const options = query && found ? found.markets : [];
  const expanded = open && options.length > 0;
  const activeOption = expanded && active >= 0 ? options[active] : undefined;

  const fail = (message: NoticeMessage) =>
    store.getState().notify({ ...message, kind: 'error', at: Date.now() });

  // The typed text as a stream: an exact stream id, else the best suggestion for it.
  const resolve = async (typed: string): Promise<StreamId | null> => {
    if (parseStreamId(typed)) return typed;
    let result = found?.query === typed ? found : null;
    if (!result) {
      try {
        result = await findMarkets(typed);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        fail({ key: 'searchFailed', values: { reason } });
        return null;
      }
    }
    const exact = result.markets.find((m) => m.symbol.toUpperCase() === typed.toUpperCase());
    const stream = exact?.stream ?? result.markets[0]?.stream;
    if (stream) return stream;
    // No suggestion: a BASE/QUOTE still goes to the server, whose answer says exactly why it is refused.
    if (typed.includes('/')) return `${result.exchange}:${typed.toUpperCase()}`;
    fail({ key: 'noMarketMatches', values: { query: typed, exchange: exchangeName(result.exchange) } });
    return null;
  };

  const add = async (option?: MarketOption) => {
    if (!connection || busy) return;
    setBusy(true);
    try {
      const stream = option?.stream ?? (query ? await resolve(query) : null);
      if (!stream) return;
      if (await connection.addStream(stream)) {
        setText('');
        setFound(null);
        setOpen(false);
        setActive(-1);
        if (store.getState().notice?.kind === 'error') store.getState().notify(null);
      }
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = options.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        setActive((i) => (count === 0 ? -1 : (i + 1) % count));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        setActive((i) => (count === 0 ? -1 : i <= 0 ? count - 1 : i - 1));
        break;
      case 'Enter':
        event.preventDefault();
        void add(activeOption);
        break;
      case 'Escape':
        if (expanded) {
          setOpen(false);
          setActive(-1);
        } else {
          setText('');
        }
        break;
      case 'Tab':
        setOpen(false);
        break;
    }
  };

  return (
    <div className={styles.combo}>
      <label htmlFor={inputId} className={styles.label}>
        {t('addTicker')}
      </label>
      <div className={styles.field}>
        <svg className={styles.icon} width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
          <circle cx="7" cy="7" r="5" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M11 11l3.5 3.5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
        <input
          id={inputId}
          className={styles.input}
          type="text"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeOption ? `${listId}-${active}` : undefined}
          aria-busy={busy || undefined}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          enterKeyHint="done"
          maxLength={80}
          placeholder={t('addTickerPlaceholder')}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
        />
        <kbd className={styles.hint} aria-hidden="true">
          {t('enterKey')}
        </kbd>
        <ul
          id={listId}
          role="listbox"
          aria-label={t('matchingMarkets')}
          className={styles.list}
          hidden={!expanded}
        >
          {options.map((option, i) => (
            <li
              key={option.stream}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={styles.option}
              // Keeps the focus in the input, so the click does not close the list before it lands.
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => void add(option)}
            >
              <span className={styles.optionSymbol}>{option.symbol}</span>
              <span className={styles.optionExchange}>
                {exchangeName(parseStreamId(option.stream)?.exchange ?? '')}
              </span>
              {watchlist.includes(option.stream) && <span className={styles.watching}>{t('watching')}</span>}
            </li>
          ))}
        </ul>
      </div>
      <span className="sr-only" aria-live="polite">
        {expanded ? t('matchingCount', { count: options.length }) : ''}
      </span>
    </div>
  );
}

// Exchange ids are lowercase; a phone keyboard may have capitalised the prefix ("Binance:BTC/USDT").
function normalize(text: string): string {
  const typed = text.trim();
  const exchange = /^([A-Za-z][A-Za-z0-9]*):/.exec(typed)?.[1];
  return exchange ? exchange.toLowerCase() + typed.slice(exchange.length) : typed;
}

async function findMarkets(typed: string, signal?: AbortSignal): Promise<Suggestions> {
  const found = await searchMarkets(typed, SUGGESTIONS, signal);
  // The server's own words, or what request() says of no answer or an unexpected one.
  if (!found.ok) throw new Error(found.message);
  return { query: typed, ...found.data };
}
