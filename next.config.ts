import type { NextConfig } from 'next';

const config: NextConfig = {
  // The custom server in server/ serves Next and socket.io on one port; Next only renders pages.
  poweredByHeader: false,
  reactStrictMode: true,
  // The pages use plain <img> with files of their own: Next's image optimiser (/_next/image) answers 404, and
  // sharp, the library it would load, stays out of the standalone output.
  images: { unoptimized: true },
  outputFileTracingExcludes: { '*': ['**/node_modules/sharp/**', '**/node_modules/@img/**'] },
  // The container image's build (NEXT_STANDALONE=1) traces into .next/standalone only the files the server
  // reads; scripts/build-server.mjs adds the custom server's. A plain `npm run build` makes no such copy.
  ...(process.env.NEXT_STANDALONE === '1' && { output: 'standalone' }),
};

export default config;
