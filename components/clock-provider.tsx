'use client';
/** One shared 1 s clock for every age on the page: one timer, and only the components that show a time re-render. */
import { createContext, useContext, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';

interface Clock {
  subscribe(listener: () => void): () => void;
  now(): number;
}

const ClockContext = createContext<Clock | null>(null);

// The timer runs only while something shows a time, and stops with the last subscriber.
function createClock(intervalMs: number): Clock {
  const listeners = new Set<() => void>();
  let now = Date.now();
  let timer: ReturnType<typeof setInterval> | null = null;
  return {
    subscribe(listener) {
      listeners.add(listener);
      if (timer === null) {
        now = Date.now();
        timer = setInterval(() => {
          now = Date.now();
          for (const notify of listeners) notify();
        }, intervalMs);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer !== null) {
          clearInterval(timer);
          timer = null;
        }
      };
    },
    now: () => now,
  };
}

/** Provides the shared clock to the tree below. */
export function ClockProvider({ children, intervalMs = 1000 }: { children: ReactNode; intervalMs?: number }) {
  const [clock] = useState(() => createClock(intervalMs));
  return <ClockContext.Provider value={clock}>{children}</ClockContext.Provider>;
}

// The server has no clock to share; times render from the browser's first tick on.
const serverNow = () => null;

/** The shared clock's time in ms, or null while rendering on the server; re-renders the caller once a second. */
export function useNow(): number | null {
  const clock = useContext(ClockContext);
  if (!clock) throw new Error('useNow must be used inside <ClockProvider>');
  return useSyncExternalStore(clock.subscribe, clock.now, serverNow);
}
