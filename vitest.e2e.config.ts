import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension (test flavour) in Debian's Chromium, driven by playwright-core.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One browser at a time: 2 cores.
    fileParallelism: false,
    pool: 'forks',
  },
});
