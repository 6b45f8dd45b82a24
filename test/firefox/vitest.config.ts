import { defineConfig } from 'vitest/config';

// Firefox end-to-end: the test flavour's Firefox build in Debian's firefox-esr, driven by puppeteer-core
// over WebDriver BiDi (no geckodriver here). Run with `node scripts/firefox-e2e.mjs`.
export default defineConfig({
  test: {
    include: ['test/firefox/**/*.firefox.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
