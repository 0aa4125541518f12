import type { NextConfig } from 'next';

const config: NextConfig = {
  // The custom server in server/ serves Next and socket.io on one port; Next only renders pages.
  poweredByHeader: false,
  reactStrictMode: true,
  // The container image ships only the files the server reads (traced into .next/standalone); a plain
  // `npm run build` makes no copy.
  ...(process.env.NEXT_STANDALONE === '1' && { output: 'standalone' }),
};

export default config;
