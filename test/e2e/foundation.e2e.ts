// The foundation's end-to-end path: overlay on the demo ticket → flag through the background →
// the request in the side panel, still there after a reload.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chooseRequestType, launchExtension, screenshot, waitForContentScriptRegistration, type Launched } from './harness';

// The test clock starts on Tuesday 10 June 2025 (harness TEST_NOW): one month later is Thursday 10 July.

let ext: Launched;
const origin = inject('origin');

beforeAll(async () => {
  ext = await launchExtension();
  await waitForContentScriptRegistration(ext.worker);
});
afterAll(async () => ext?.close());

describe('foundation', () => {
  it('shows the overlay on the demo ticket with what it read', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${origin}/tickets/1042`);
    const overlay = page.locator('privacy-desk-overlay .pd');
    await expect.poll(() => overlay.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => overlay.locator('[data-testid=requester]').textContent()).toContain('Jan de Vries');
    expect(await overlay.getAttribute('data-ticket-id')).toBe('1042');
    await expect.poll(() => overlay.locator('[data-testid=records]').textContent()).toContain('No open requests');
    await screenshot(page, 'overlay-demo-ticket');
    await page.close();
  });

  it('flags the ticket through the background and finds it in the side panel after a reload', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${origin}/tickets/1042`);
    const overlay = page.locator('privacy-desk-overlay .pd');
    await chooseRequestType(overlay.locator('select#pd-type'), 'access');
    await overlay.getByRole('button', { name: 'Flag as request' }).click();
    await expect.poll(() => overlay.locator('[role=status]').textContent()).toContain('Request recorded, legal deadline 10 Jul 2025');
    await expect.poll(() => overlay.locator('[data-testid=records]').textContent()).toContain('1 open request');

    // A second flag of the same ticket does not create a duplicate.
    await overlay.getByRole('button', { name: /Flagged/ }).click();
    await expect.poll(() => overlay.locator('[role=status]').textContent()).toContain('already a request');

    const panel = await ext.context.newPage();
    await panel.goto(ext.extensionUrl('sidepanel.html'));
    await expect.poll(() => panel.locator('[data-testid=queue-count]').textContent()).toBe('1 request');
    await panel.reload();
    const row = panel.locator('[data-testid=queue-row]').first();
    await expect.poll(() => row.textContent()).toContain('Jan de Vries');
    expect(await row.textContent()).toContain('Access');
    await expect.poll(() => panel.locator('[data-testid=audit-status]').textContent()).toMatch(/verified: 2 entries/);
    await screenshot(panel, 'sidepanel-queue');
    await page.close();
    await panel.close();
  });

  it('refuses privileged messages from the helpdesk page context', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${origin}/tickets/1043`);
    await expect.poll(() => page.locator('privacy-desk-overlay').count()).toBe(1);
    // Playwright can evaluate in the content script's isolated world through the worker-less route:
    // send from the extension's content script context via chrome.runtime in an isolated world.
    const cdp = await ext.context.newCDPSession(page);
    const { executionContextId } = await new Promise<{ executionContextId: number }>((resolve) => {
      cdp.on('Runtime.executionContextCreated', (event: { context: { id: number; auxData?: { type?: string }; name?: string } }) => {
        if (event.context.auxData?.type === 'isolated' && event.context.name?.length) resolve({ executionContextId: event.context.id });
      });
      void cdp.send('Runtime.enable');
    });
    const { result } = await cdp.send('Runtime.evaluate', {
      contextId: executionContextId,
      awaitPromise: true,
      returnByValue: true,
      expression: `chrome.runtime.sendMessage({ pd: 1, type: 'organisation.save', payload: { profile: {} } })`,
    });
    expect(result.value).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('from a helpdesk page') } });
    await page.close();
  });
});
