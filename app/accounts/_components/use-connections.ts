'use client';
/**
 * The user's exchange connections, kept current while the page is shown: a running sync is followed about once a
 * second, a scheduled one is looked for when it is due, and nothing is asked while every connection is idle.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { formMessage } from '@/components/auth-card';
import type { FormMessage } from '@/components/auth-card';
import { getConnection, listConnections } from '@/client/api/connections';
import { useT } from '@/client/i18n/provider';
import type { ApiResult, ConnectionSummary } from '@/client/api/connections';

/** How often a running sync's progress is read. */
const POLL_MS = 1_000;
/** After a scheduled sync is due: the server's schedule looks for due connections once a minute. */
const DUE_GRACE_MS = 5_000;
const OVERDUE_RECHECK_MS = 60_000;
/** setTimeout's longest wait; a longer one fires at once. */
const MAX_WAIT_MS = 2 ** 31 - 1;

function onVisibility(listener: () => void): () => void {
  document.addEventListener('visibilitychange', listener);
  return () => document.removeEventListener('visibilitychange', listener);
}

/** Whether the page is shown: a hidden tab asks the server nothing. */
function usePageVisible(): boolean {
  return useSyncExternalStore(
    onVisibility,
    () => document.visibilityState === 'visible',
    () => true,
  );
}

/**
 * The list (null until loaded), its loading error, and ways to change it from the server's answers.
 * `onChanged` runs whenever a connection was added, removed or finished a sync: the accounts' counts changed.
 */
export function useConnections(onChanged: () => void) {
  const [connections, setConnections] = useState<ConnectionSummary[] | null>(null);
  const [loadError, setLoadError] = useState<FormMessage | null>(null);
  const visible = usePageVisible();
  const t = useT('accounts');

  const put = useCallback((connection: ConnectionSummary) => {
    setConnections((list) =>
      list?.some((c) => c.id === connection.id)
        ? list.map((c) => (c.id === connection.id ? connection : c))
        : [...(list ?? []), connection],
    );
  }, []);
  const drop = useCallback((id: string) => {
    setConnections((list) => (list ?? []).filter((c) => c.id !== id));
  }, []);
  const show = useCallback(
    (result: ApiResult<ConnectionSummary[]>) => {
      if (result.ok) setConnections(result.data);
      setLoadError(result.ok ? null : formMessage(t('connectionsLoadError', { message: result.message })));
    },
    [t],
  );
  const reload = useCallback(() => void listConnections().then(show), [show]);

  // Loaded on first show, and again whenever the tab comes back: a scheduled sync may have run meanwhile.
  useEffect(() => {
    if (!visible) return;
    const controller = new AbortController();
    void listConnections(controller.signal).then((result) => controller.signal.aborted || show(result));
    return () => controller.abort();
  }, [visible, show]);

  const syncingKey = (connections ?? [])
    .filter((c) => c.state === 'syncing')
    .map((c) => c.id)
    .join(' ');
  useEffect(() => {
    if (!visible || syncingKey === '') return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // One read at a time, the next a second after the last answer: a slow server is never asked twice at once.
    const poll = async () => {
      const ids = syncingKey.split(' ');
      const answers = await Promise.all(ids.map((id) => getConnection(id, controller.signal)));
      if (controller.signal.aborted || answers.some((a) => !a.ok && a.status === 401)) return;
      answers.forEach((answer, i) => {
        if (answer.ok) put(answer.data);
        // Disconnected in another tab.
        else if (answer.status === 404) drop(ids[i] ?? '');
      });
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [visible, syncingKey, put, drop]);

  // The next scheduled sync: looked for once it is due, then once a minute until it has run.
  const due = Math.min(
    ...(connections ?? []).filter((c) => c.state !== 'syncing').map((c) => c.nextSyncAt ?? Infinity),
  );
  useEffect(() => {
    if (!visible || !Number.isFinite(due)) return;
    const wait = due - Date.now();
    const timer = setTimeout(
      reload,
      wait > 0 ? Math.min(wait + DUE_GRACE_MS, MAX_WAIT_MS) : OVERDUE_RECHECK_MS,
    );
    return () => clearTimeout(timer);
  }, [visible, due, connections, reload]);

  // Which connections there are, and when each last synced: a change means the accounts changed too.
  const stamp = connections?.map((c) => `${c.id}:${c.lastSyncAt}`).join(' ') ?? null;
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (stamp === null) return;
    if (seen.current !== null && seen.current !== stamp) onChanged();
    seen.current = stamp;
  }, [stamp, onChanged]);

  return { connections, loadError, put, drop };
}
