// Launches Debian's Chromium with the built test flavour of the extension in a fresh profile.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3-test');
export const SHOTS_DIR = join(ROOT, 'test-output/screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The instant the extension believes it is when a test file starts (a Tuesday with no public holiday
 * in the month after it). Every launch of one test file shares one offset from the system clock, so
 * time flows on across a browser restart; the test build reads it (entrypoints/shared/test-clock.ts).
 */
export const TEST_NOW = Date.parse('2025-06-10T08:00:00Z');
const CLOCK_OFFSET = TEST_NOW - Date.now();
/** "Now" on the extension's clock, for expectations computed in the test. */
export function testNow(): number {
  return Date.now() + CLOCK_OFFSET;
}
/** An instant on the extension's clock as the browser's system clock has it (alarms are scheduled so). */
export function systemTime(ms: number): number {
  return ms - CLOCK_OFFSET;
}
const USER_AGENT = `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36 PDTestClock/${CLOCK_OFFSET}`;

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  extensionUrl(path: string): string;
  profile: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Another copy of the build (test/e2e/managed.e2e.ts loads one with a manifest key). */
  extensionDir?: string;
  /** Browser UI language, e.g. `de` (formats dates and picks _locales). */
  lang?: string;
  colorScheme?: 'light' | 'dark';
  /** Reuse a profile (a browser restart); it is then not deleted on close. */
  profile?: string;
  /**
   * Keep the overlay's shadow root closed, as in the release build. By default the harness asks the
   * test flavour to open it (entrypoints/helpdesk.content/trusted.ts), because Playwright's locators
   * cannot pierce closed roots; test/e2e/hostile-page.e2e.ts keeps it closed.
   */
  closedOverlay?: boolean;
}

export async function launchExtension(options: LaunchOptions = {}): Promise<Launched> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH).`);
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No test build in ${extensionDir}: run npm run build:test first (npm run test:e2e does).`);
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'pd-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 860 },
    ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
    ...(options.lang ? { locale: options.lang } : {}),
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${options.lang ?? 'en-GB'}`,
      // The switch (not Playwright's per-page override) so the service worker sees it too.
      `--user-agent=${USER_AGENT}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  await worker.evaluate((open) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ pdTestOpenOverlay: open }), !options.closedOverlay);
  return {
    context,
    extensionId,
    worker,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    profile,
    close: async () => {
      await context.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until the background registered the helpdesk content script for the test origins. */
export async function waitForContentScriptRegistration(worker: Worker): Promise<void> {
  await worker.evaluate(async () => {
    for (let i = 0; i < 100; i += 1) {
      const scripts = await chrome.scripting.getRegisteredContentScripts();
      if (scripts.length > 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('content script was never registered');
  });
}

export async function screenshot(page: Page, name: string, target?: { locator: string }): Promise<string> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const path = join(SHOTS_DIR, `${name}.png`);
  if (target) await page.locator(target.locator).first().screenshot({ path });
  else await page.screenshot({ path });
  return path;
}

declare const chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } };

/** Sends a protocol message from an extension page (as the side panel would). */
export function sendFrom(page: Page, type: string, payload: unknown): Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }> {
  return page.evaluate(
    ([t, p]) =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }).chrome.runtime.sendMessage({ pd: 1, type: t, payload: p }),
    [type, payload] as const,
  );
}

/**
 * Picks the overlay's request type with the keyboard, as an agent would: the overlay ignores
 * script-dispatched change events, and Playwright's selectOption dispatches exactly those.
 */
export async function chooseRequestType(select: import('playwright-core').Locator, value: string): Promise<void> {
  await select.focus();
  await select.press('Home');
  for (let i = 0; i < 12 && (await select.inputValue()) !== value; i += 1) await select.press('ArrowDown');
  if ((await select.inputValue()) !== value) throw new Error(`request type ${value} not reachable with the keyboard`);
}
