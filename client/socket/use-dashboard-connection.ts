'use client';
/** The tab's dashboard connection for the provider's store: opened by the first component that asks, closed with the last. */
import { useCallback, useSyncExternalStore } from 'react';
import { useDashboardStore } from '../store/provider';
import type { DashboardStore } from '../store/dashboard-store';
import { connectDashboard } from './dashboard-connection';
import type { DashboardConnection } from './dashboard-connection';

// One connection per store (per tab), however many components use the hook.
const shared = new WeakMap<DashboardStore, { connection: DashboardConnection; users: number }>();

function acquire(store: DashboardStore): DashboardConnection {
  let entry = shared.get(store);
  if (!entry) {
    entry = { connection: connectDashboard(store), users: 0 };
    shared.set(store, entry);
  }
  entry.users++;
  return entry.connection;
}

function release(store: DashboardStore): void {
  const entry = shared.get(store);
  if (!entry || --entry.users > 0) return;
  shared.delete(store);
  entry.connection.close();
}

/** The connection's actions once open: null while rendering on the server, and before its first user mounts. */
export function useDashboardConnection(): DashboardConnection | null {
  const store = useDashboardStore();
  // Subscribing opens (or shares) the connection, and unsubscribing lets the last user close it.
  const subscribe = useCallback(
    (opened: () => void) => {
      acquire(store);
      opened();
      return () => release(store);
    },
    [store],
  );
  return useSyncExternalStore(subscribe, () => shared.get(store)?.connection ?? null, noConnectionOnServer);
}

const noConnectionOnServer = () => null;
