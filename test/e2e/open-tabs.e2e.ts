// After install, an update or a browser start, helpdesk tabs that are already open get the overlay
// without a reload; injecting twice never gives two overlays; and the registration survives
// service-worker starts without a gap.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension, waitForContentScriptRegistration, type Launched } from './harness';

let ext: Launched;
const origin = inject('origin');

beforeAll(async () => {
  ext = await launchExtension();
  await waitForContentScriptRegistration(ext.worker);
});
afterAll(async () => ext?.close());

const registrations = () => ext.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id));

describe('helpdesk tabs already open', () => {
  it('get the overlay on install or update, once, without a reload', async () => {
    // A tab opened while no content script was registered (as before installation).
    await ext.worker.evaluate(() => chrome.scripting.unregisterContentScripts());
    const page = await ext.context.newPage();
    await page.goto(`${origin}/tickets/1042`);
    await page.evaluate(() => ((window as unknown as { __loaded: number }).__loaded = 1));
    await page.waitForTimeout(500);
    expect(await page.locator('privacy-desk-overlay').count()).toBe(0);

    await ext.worker.evaluate(() => chrome.runtime.onInstalled.dispatch({ reason: 'update' }));
    await expect.poll(() => page.locator('privacy-desk-overlay [data-testid=requester]').textContent(), { timeout: 10_000 }).toContain('Jan de Vries');
    // The same document: no reload happened.
    expect(await page.evaluate(() => (window as unknown as { __loaded?: number }).__loaded)).toBe(1);
    expect(await registrations()).toEqual(['privacy-desk-helpdesk']);

    // A second injection (a browser start, another grant) finds the running copy and stands down.
    await ext.worker.evaluate(() => chrome.runtime.onStartup.dispatch());
    await page.waitForTimeout(500);
    // Two running copies would each show an overlay on the next ticket.
    await page.locator('a.ticket-next').click();
    await expect.poll(() => page.locator('privacy-desk-overlay [data-testid=requester]').first().textContent()).toContain('Sabine Müller');
    await page.waitForTimeout(300);
    expect(await page.locator('privacy-desk-overlay').count()).toBe(1);
    expect(await registrations()).toEqual(['privacy-desk-helpdesk']);
    await page.close();
  });
});

declare const chrome: {
  scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]>; unregisterContentScripts(): Promise<void> };
  runtime: { onInstalled: { dispatch(details: object): void }; onStartup: { dispatch(): void } };
};
