'use client';
/** Which account the Portfolio panel shows, remembered in this browser's localStorage. */
import { useCallback, useEffect, useState } from 'react';
import { defaultStorage } from '@/client/socket/low-data-preference';

/**
 * The localStorage key of the account shown. localStorage rather than the address: every page links back to the
 * dashboard as plain `/`, which would drop a `?account=` each time, and the choice is this browser's way of
 * looking, not a link to share. An id of another user's, or of a deleted account, is simply not found among the
 * answer's accounts, and the panel shows all of them.
 */
export const PORTFOLIO_ACCOUNT_KEY = 'livefolio:portfolio-account';

/** [the account id shown, or null for all accounts; a setter that also remembers it]. */
export function usePortfolioAccount(): [string | null, (id: string | null) => void] {
  const [account, setAccount] = useState<string | null>(null);
  useEffect(() => {
    // Read after the first render, as the server's render cannot know it (React's two-pass rendering).
    // eslint-disable-next-line react-hooks/set-state-in-effect -- storage exists only in the browser
    setAccount(read());
  }, []);
  const choose = useCallback((id: string | null) => {
    setAccount(id);
    save(id);
  }, []);
  return [account, choose];
}

// Storage can be missing or refuse (privacy modes, a full quota): the choice then lasts as long as the tab.
function read(): string | null {
  try {
    return defaultStorage()?.getItem(PORTFOLIO_ACCOUNT_KEY) || null;
  } catch {
    return null;
  }
}

function save(id: string | null): void {
  try {
    // '' is all accounts, as read() takes it.
    defaultStorage()?.setItem(PORTFOLIO_ACCOUNT_KEY, id ?? '');
  } catch {
    // Kept for this tab only.
  }
}
