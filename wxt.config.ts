import { defineConfig } from 'wxt';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { handlebarsPrecompile } from './build/handlebars-precompile.ts';
import { hyphenPatternsAsJson } from './build/hyphen-patterns.mjs';
import { FONT_DIR, FONT_FILES } from './entrypoints/background/documents/font-files.ts';

// A test build (PD_TEST_BUILD=1) may reach the localhost demo/fixture helpdesks without a
// permission prompt; the release build asks for every helpdesk origin at run time (PERMISSIONS.md).
const testBuild = process.env.PD_TEST_BUILD === '1';

export default defineConfig({
  imports: false,
  outDir: '.output',
  // The test flavour builds beside the release build, never over it.
  outDirTemplate: testBuild ? '{{browser}}-mv{{manifestVersion}}-test' : '{{browser}}-mv{{manifestVersion}}',
  manifestVersion: 3,
  hooks: {
    // The benchmark page exists only in the test flavour.
    'entrypoints:resolved': (wxt, entrypoints) => {
      // Firefox has no sandboxed extension pages: the template compiler would run under the extension
      // CSP, where its eval is refused, so it is left out (custom templates need Chrome for now).
      if (wxt.config.browser === 'firefox') {
        const sandbox = entrypoints.findIndex((e) => e.type === 'sandbox');
        if (sandbox >= 0) entrypoints.splice(sandbox, 1);
      }
      if (testBuild) return;
      const index = entrypoints.findIndex((e) => e.name === 'bench');
      if (index >= 0) entrypoints.splice(index, 1);
    },
    // The document fonts ship as extension files, copied from the npm package at build time (nothing
    // committed, nothing fetched at run time); the service worker reads them with fetch(getURL()).
    'build:publicAssets': (_wxt, files) => {
      const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
      for (const file of Object.values(FONT_FILES)) files.push({ absoluteSrc: join(dir, file), relativeDest: `${FONT_DIR}/${file}` });
    },
  },
  vite: () => ({
    plugins: [handlebarsPrecompile(), hyphenPatternsAsJson()],
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: { sourcemap: false },
    // Read by entrypoints/background/welcome.ts: the test flavour does not open the first-run tab.
    // __PD_TEST_OPEN_OVERLAY__: the Firefox e2e build (scripts/firefox-e2e.mjs) opens the overlay's
    // shadow root from the start, as its harness cannot reach the extension's storage to ask for it
    // (entrypoints/helpdesk.content/trusted.ts). Never in a release build.
    define: { __PD_TEST_BUILD__: JSON.stringify(testBuild), __PD_TEST_OPEN_OVERLAY__: JSON.stringify(testBuild && process.env.PD_TEST_OPEN_OVERLAY === '1') },
  }),
  zip: {
    // Sources only: no output, no dependencies, nothing the build generates (locales, icons, guide images).
    excludeSources: [
      'test-output/**', 'demo-output/**', 'bench/.cache/**', '**/*.log', '.e2e-profile*/**', '.output/**', '.wxt/**',
      'node_modules/**', 'public/_locales/**', 'public/icon/**', 'docs/images/**', 'bench/results.json',
      // The packaged CLI's build output (npm run build:cli) and the generated UI-string key union.
      'dist/**', '*.tgz', 'entrypoints/shared/message-keys.d.ts', '.team-server-data/**',
    ],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications', 'unlimitedStorage', 'scripting', 'idle', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    host_permissions: testBuild ? ['http://localhost/*', 'http://127.0.0.1/*'] : [],
    action: { default_title: '__MSG_extName__' },
    // Keyboard shortcuts; users can change them (chrome://extensions/shortcuts, about:addons).
    commands: {
      'flag-ticket': { suggested_key: { default: 'Alt+Shift+F' }, description: '__MSG_commandFlagTicket__' },
      // Chrome's action opens the side panel (setPanelBehavior); Firefox has its own sidebar command.
      // Alt+Shift+D ("desk"): Chromium silently refuses Alt+Shift+P, which it keeps for itself.
      [browser === 'firefox' ? '_execute_sidebar_action' : '_execute_action']: { suggested_key: { default: 'Alt+Shift+D' }, description: '__MSG_commandOpenPanel__' },
    },
    // The organisation's policy (lib/settings/managed.ts). Chrome drops policy values its schema does not
    // describe; Firefox takes them from policies.json without a schema.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    content_security_policy: {
      // No remote code and no network of our own: scripts only from the package, no plugins, no <base>
      // redirection. fetch reaches the extension's own files and, for a browser in a team, the team server
      // it joined (lib/sync): over https, or plain http on this machine's loopback only. The code fetches
      // no other address (lib/sync/client.ts is the only caller; test/e2e/traffic.e2e.ts records it).
      // Frames only from the package too: the template sandbox runs a user's template, and frame-src
      // also governs where that frame may navigate itself (an outside URL carrying data in its query).
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; connect-src 'self' data: blob: https: http://127.0.0.1:* http://localhost:*; frame-src 'self'; child-src 'self'",
      // Only the sandboxed template compiler (entrypoints/templates.sandbox) may eval: Handlebars
      // compiles user templates to functions. It has no extension APIs, no network and no frames.
      // Firefox has no sandboxed extension pages (WXT drops sandbox.pages there), so no such CSP either.
      ...(browser === 'firefox' ? {} : { sandbox: "sandbox allow-scripts; default-src 'none'; script-src 'self' 'unsafe-eval'" }),
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Nothing leaves the browser (README.md, Security): the add-on declares that it collects no data. AMO requires
            // that declaration of new add-ons; Firefox reads it from 140 (ESR 140), Firefox for Android from 142.
            gecko: { id: 'privacy-desk@example.org', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
