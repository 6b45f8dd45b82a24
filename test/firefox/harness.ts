// Starts Debian's firefox-esr headless over WebDriver BiDi with the Firefox test build installed as a
// temporary add-on. Unsigned add-ons need xpinstall.signatures.required=false, which ESR honours.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIREFOX_BUILD = join(ROOT, '.output/firefox-mv3-test');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface LaunchedFirefox {
  browser: Browser;
  addonId: string;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<LaunchedFirefox> {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}. Install it with: apt-get update && apt-get install -y firefox-esr (or set FIREFOX_PATH).`);
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) throw new Error(`No Firefox test build in ${FIREFOX_BUILD}: run node scripts/firefox-e2e.mjs (it builds one).`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      // No update checks, telemetry or first-run pages of Firefox's own.
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'intl.locale.requested': 'en-GB',
    },
  });
  const addonId = await browser.installExtension(FIREFOX_BUILD);
  return { browser, addonId, close: () => browser.close() };
}

export function buildManifest(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(FIREFOX_BUILD, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

/**
 * Opens a page and waits for the overlay. The background registers the content script at run time
 * (scripting.registerContentScripts) shortly after install; a page loaded before that has no overlay,
 * so the page is reloaded until it appears — what an agent would do.
 */
export async function openWithOverlay(page: Page, url: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await page.goto(url);
  for (;;) {
    const found = await page.waitForSelector('privacy-desk-overlay', { timeout: 2_000 }).catch(() => null);
    if (found) return;
    if (Date.now() > deadline) throw new Error(`no Privacy Desk overlay on ${url} after ${timeoutMs} ms`);
    await page.reload();
  }
}

/** Text of an element inside the overlay's open shadow root. */
export function overlayText(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => document.querySelector('privacy-desk-overlay')?.shadowRoot?.querySelector(sel)?.textContent ?? '', selector);
}
