import type { NextConfig } from 'next';

const config: NextConfig = {
  // The custom server in server/ serves Next and socket.io on one port; Next only renders pages.
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
