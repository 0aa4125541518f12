import type { MetadataRoute } from 'next';

/** The web app manifest (/manifest.webmanifest): what a browser needs to offer installing Livefolio. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Livefolio',
    short_name: 'Livefolio',
    description: 'Live crypto prices and your portfolio, self-hosted.',
    id: '/',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#0b0e14',
    theme_color: '#0b0e14',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
