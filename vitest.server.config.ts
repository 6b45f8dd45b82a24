import { defineConfig } from 'vitest/config';

// The team server's tests run against a throw-away PostgreSQL cluster (server/test/global-setup.ts);
// `vitest.config.ts` covers test/ only, so nothing here runs twice.
export default defineConfig({
  test: {
    include: ['server/test/**/*.test.ts'],
    globalSetup: ['server/test/global-setup.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One file at a time: they share one cluster and this machine's two cores.
    fileParallelism: false,
  },
});
