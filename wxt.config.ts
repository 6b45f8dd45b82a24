import { defineConfig } from 'wxt';
import { handlebarsPrecompile } from './build/handlebars-precompile.ts';

// A test build (PD_TEST_BUILD=1) may reach the localhost demo/fixture helpdesks without a
// permission prompt; the release build asks for every helpdesk origin at run time (SPEC §1).
const testBuild = process.env.PD_TEST_BUILD === '1';

export default defineConfig({
  imports: false,
  outDir: '.output',
  // The test flavour builds beside the release build, never over it.
  outDirTemplate: testBuild ? '{{browser}}-mv{{manifestVersion}}-test' : '{{browser}}-mv{{manifestVersion}}',
  manifestVersion: 3,
  hooks: {
    // The benchmark page exists only in the test flavour.
    'entrypoints:resolved': (_wxt, entrypoints) => {
      if (testBuild) return;
      const index = entrypoints.findIndex((e) => e.name === 'bench');
      if (index >= 0) entrypoints.splice(index, 1);
    },
  },
  vite: () => ({
    plugins: [handlebarsPrecompile()],
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: { sourcemap: false },
  }),
  zip: {
    excludeSources: ['test-output/**', 'demo-output/**', 'bench/.cache/**', '**/*.log', '.e2e-profile*/**', '.output/**'],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications', 'unlimitedStorage', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    host_permissions: testBuild ? ['http://localhost/*', 'http://127.0.0.1/*'] : [],
    action: { default_title: '__MSG_extName__' },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; connect-src 'self' data: blob:",
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'privacy-desk@example.org', strict_min_version: '128.0' } } }
      : {}),
  }),
});
