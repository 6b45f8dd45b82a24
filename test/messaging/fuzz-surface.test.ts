// The attack surface around the messages, checked statically: the release manifest grants no host at
// install, accepts nothing from web pages or other extensions, and runs under a strict CSP; every
// permission is used and justified in PERMISSIONS.md; no code listens for external messages or evals
// outside the template sandbox.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
type Manifest = Record<string, unknown> & {
  permissions: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy: { extension_pages: string; sandbox?: string };
};

async function releaseManifest(browser: 'chrome' | 'firefox', testBuild = false): Promise<Manifest> {
  const before = process.env.PD_TEST_BUILD;
  if (testBuild) process.env.PD_TEST_BUILD = '1';
  else delete process.env.PD_TEST_BUILD;
  try {
    // A fresh module instance per flavour: wxt.config.ts reads the flag when it loads.
    vi.resetModules();
    const { default: config } = (await import('../../wxt.config.ts')) as { default: { manifest: (env: { browser: string }) => Manifest } };
    return config.manifest({ browser });
  } finally {
    if (before === undefined) delete process.env.PD_TEST_BUILD;
    else process.env.PD_TEST_BUILD = before;
  }
}

/** Directives of a CSP string: `{ 'script-src': ["'self'"], … }`. */
const directives = (csp: string) => Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mjs|js)$/.test(name) ? [path] : [];
  });
}

/** How each permission shows in the code; a permission nobody uses fails the test (and should go). */
const USED_BY: Record<string, RegExp> = {
  storage: /\bstorage\.(session|managed|onChanged|local|sync)\b/,
  unlimitedStorage: /from 'dexie'/,
  alarms: /\balarms\.(create|onAlarm|clear|get)/,
  notifications: /\bnotifications\.(create|onClicked|clear)/,
  scripting: /\bscripting\.(registerContentScripts|executeScript)/,
  sidePanel: /\bsidePanel\b/,
  idle: /\bidle\?*\.(onStateChanged|setDetectionInterval|queryState)/,
};

describe('attack surface', () => {
  for (const browser of ['chrome', 'firefox'] as const)
    it(`the ${browser} release manifest grants no host at install and accepts nothing from web pages`, async () => {
      const m = await releaseManifest(browser);
      expect(m.host_permissions ?? []).toEqual([]);
      expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
      for (const key of ['externally_connectable', 'web_accessible_resources', 'content_scripts', 'key', 'update_url']) expect(m, key).not.toHaveProperty(key);
      expect(m.permissions.filter((p) => /:\/\/|<all_urls>/.test(p))).toEqual([]);
    });

  it('the test build adds only the loopback demo origins', async () => {
    expect((await releaseManifest('chrome', true)).host_permissions).toEqual(['http://localhost/*', 'http://127.0.0.1/*']);
  });

  it('runs extension pages and the service worker under a strict CSP; eval only in the sandbox', async () => {
    const { content_security_policy: csp } = await releaseManifest('chrome');
    const pages = directives(csp.extension_pages);
    expect(pages['script-src']).toEqual(["'self'"]);
    expect(pages['object-src']).toEqual(["'none'"]);
    expect(pages['base-uri']).toEqual(["'none'"]);
    // No network of our own: fetch/XHR to the extension's own files and in-memory data, and to the team
    // server a browser joined — https, or plain http only on loopback.
    expect(pages['connect-src']).toEqual(["'self'", 'data:', 'blob:', 'https:', 'http://127.0.0.1:*', 'http://localhost:*']);
    expect(csp.extension_pages).not.toMatch(/unsafe-eval|wasm-unsafe-eval|unsafe-inline|http:(?!\/\/(127\.0\.0\.1|localhost):)/);
    for (const directive of ['script-src', 'object-src', 'base-uri']) expect(pages[directive]!.join(' ')).not.toMatch(/\*|https?:/);
    const sandbox = directives(csp.sandbox ?? '');
    expect(sandbox['default-src']).toEqual(["'none'"]);
    expect(sandbox['sandbox']).toEqual(['allow-scripts']); // no allow-same-origin: an opaque origin
  });

  it('every permission is used by the code and justified in PERMISSIONS.md, and nothing else is listed there', async () => {
    const doc = readFileSync(join(ROOT, 'PERMISSIONS.md'), 'utf8');
    const installTable = doc.slice(doc.indexOf('## Requested at install'), doc.indexOf('## Requested at run time'));
    const documented = [...installTable.matchAll(/^\| `([A-Za-z]+)`/gm)].map((m) => m[1]).sort();
    const chrome = await releaseManifest('chrome');
    const firefox = await releaseManifest('firefox');
    const all = [...new Set([...chrome.permissions, ...firefox.permissions])].sort();
    expect(documented).toEqual(all);
    const code = ['lib', 'entrypoints'].flatMap((d) => sourceFiles(join(ROOT, d))).map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const permission of all) {
      expect(USED_BY[permission], `${permission}: say in USED_BY how the code uses it`).toBeDefined();
      expect(USED_BY[permission]!.test(code), `${permission} is requested but not used: remove it from wxt.config.ts`).toBe(true);
    }
  });

  it('no code listens for messages from web pages or other extensions, and no code evals outside the template sandbox', () => {
    // The extension's code: everything but the Node command line (lib/cli), which never ships in it.
    const files = ['lib', 'entrypoints'].flatMap((d) => sourceFiles(join(ROOT, d))).filter((f) => !relative(ROOT, f).startsWith('lib/cli/'));
    for (const file of files) {
      const where = relative(ROOT, file);
      // Comments may name what the code must not do; only code counts.
      const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
      expect(text, where).not.toMatch(/onMessageExternal|onConnectExternal|externally_connectable/);
      if (where.startsWith('entrypoints/templates.sandbox')) continue;
      expect(text, where).not.toMatch(/\beval\s*\(|new Function\s*\(|\bFunction\s*\(\s*['"`]|importScripts\s*\(|setTimeout\s*\(\s*['"`]/);
      // No remote code: nothing is imported or fetched from a URL.
      expect(text, where).not.toMatch(/import\s*\(\s*['"`]https?:|fetch\s*\(\s*['"`]https?:/);
    }
  });
});
