'use client';
/** Registers the service worker (public/sw.js, served by the server as /sw.js) in a production build. */
import { useEffect } from 'react';

export function ServiceWorker() {
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
      // The app works without it, only not offline: say so where a developer looks.
      console.warn('Livefolio: the service worker could not be registered', error);
    });
  }, []);
  return null;
}
