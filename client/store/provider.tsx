'use client';
/** Hands each browser tab its own dashboard store, and narrow hooks to read it. */
import { createContext, useContext, useState } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { createDashboardStore } from './dashboard-store';
import type { DashboardState, DashboardStore } from './dashboard-store';

const StoreContext = createContext<DashboardStore | null>(null);

/** Creates the store once per mounted tree. */
export function DashboardStoreProvider({ children, store }: { children: ReactNode; store?: DashboardStore }) {
  const [value] = useState(() => store ?? createDashboardStore());
  return <StoreContext.Provider value={value}>{children}</StoreContext.Provider>;
}

/** The store itself, for code that acts on it (the socket connection). */
export function useDashboardStore(): DashboardStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useDashboardStore must be used inside <DashboardStoreProvider>');
  return store;
}

/** Reads a slice of the state; the component re-renders only when that slice changes. */
export function useDashboard<T>(selector: (state: DashboardState) => T): T {
  return useStore(useDashboardStore(), selector);
}
