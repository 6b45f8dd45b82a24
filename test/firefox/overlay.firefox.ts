// The Firefox build in firefox-esr: the runtime-registered content script shows the overlay on the demo
// helpdesk, flagging stores a request in the background's database, and a second page load finds it.
// (BiDi cannot open moz-extension:// pages: the side panel and options are tested in Chromium.)
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildManifest, launchFirefox, openWithOverlay, overlayText, type LaunchedFirefox } from './harness';

let ff: LaunchedFirefox;
const origin = inject('origin');

beforeAll(async () => {
  ff = await launchFirefox();
});
afterAll(async () => ff?.close());

describe('Firefox (firefox-esr, WebDriver BiDi)', () => {
  it('builds a Firefox manifest: sidebar, its own shortcut, gecko id, no Chrome-only keys', () => {
    const manifest = buildManifest();
    expect(ff.addonId).toBe('privacy-desk@example.org');
    expect(manifest.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html' });
    expect(Object.keys(manifest.commands as object).sort()).toEqual(['_execute_sidebar_action', 'flag-ticket']);
    expect(manifest.permissions).not.toContain('sidePanel');
    expect(manifest.storage).toBeUndefined();
  });

  it('shows the overlay on a ticket, flags it, and a second load shows the open request', async () => {
    const page = await ff.browser.newPage();
    await openWithOverlay(page, `${origin}/tickets/1042`);
    await expect.poll(() => overlayText(page, '[data-testid=requester]'), { timeout: 10_000 }).toContain('Jan de Vries');
    await expect.poll(() => overlayText(page, '[data-testid=detection]')).toContain('Request: Access (Art. 15)');
    await expect.poll(() => overlayText(page, '[data-testid=records]')).toContain('No open requests');

    // A real click (BiDi input): the overlay ignores clicks dispatched by script.
    const flag = await page.evaluateHandle(() => document.querySelector('privacy-desk-overlay')!.shadowRoot!.querySelector<HTMLButtonElement>('button[data-pd-flag]')!);
    await (flag.asElement() as import('puppeteer-core').ElementHandle<Element>).click();
    await expect.poll(() => overlayText(page, '[role=status]'), { timeout: 10_000 }).toMatch(/^Request recorded, legal deadline \d{1,2} [A-Z][a-z]{2} \d{4}$/);

    await page.reload();
    await page.waitForSelector('privacy-desk-overlay');
    await expect.poll(() => overlayText(page, '[data-testid=records]'), { timeout: 10_000 }).toContain('1 open request');
    await page.close();
  });

  it('does not run on an origin the user did not grant', async () => {
    // The same demo page from 127.0.0.2 (loopback, but not in the test build's host permissions).
    const proxy = createServer((req, res) =>
      void fetch(`${origin}${req.url ?? '/'}`).then(async (r) => res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'text/html' }).end(Buffer.from(await r.arrayBuffer()))),
    );
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.2', resolve));
    const page = await ff.browser.newPage();
    try {
      await page.goto(`http://127.0.0.2:${(proxy.address() as AddressInfo).port}/tickets/1042`);
      await page.waitForFunction(() => document.body.textContent?.includes('Jan de Vries'));
      await new Promise((r) => setTimeout(r, 1_500));
      expect(await page.$('privacy-desk-overlay')).toBeNull();
    } finally {
      await page.close();
      proxy.close();
    }
  });
});
