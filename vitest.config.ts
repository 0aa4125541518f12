import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // The end-to-end tests run the production build; building it here once avoids parallel builds.
    globalSetup: ['tests/support/build-once.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration tests start real servers and exchanges; two cores do not reward more workers.
    maxWorkers: 2,
  },
});
