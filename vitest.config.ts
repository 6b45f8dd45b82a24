import { defineConfig } from 'vitest/config';
import { handlebarsPrecompile } from './build/handlebars-precompile.ts';

// WxtVitest() does not pick up wxt.config's vite plugins, so the .hbs plugin is added here too.
export default defineConfig({
  plugins: [handlebarsPrecompile()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**', 'server/**'],
    setupFiles: ['test/setup.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
