// Keyboard only: open a ticket, flag it, open the requester in Privacy Desk, and take the request from
// received to completed with Tab, Shift+Tab, Enter, Space, arrow keys and typing — no clicks. Every
// element that takes focus on the way, in the overlay and the extension pages, must show a visible
// focus ring. Also the flag-ticket shortcut (commands API) flags the ticket in the active tab.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension, screenshot, sendFrom, waitForContentScriptRegistration, type Launched } from './harness';

interface Focused {
  tag: string;
  text: string;
  label: string;
  type: string | null;
  inOverlay: boolean;
  flag: boolean;
  /** The focus indicator as computed: outline or box shadow. */
  ring: string;
}

/** The element that has focus, looking through open shadow roots (the overlay's). */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    let el = document.activeElement;
    let inOverlay = false;
    while (el?.shadowRoot?.activeElement) {
      if (el.tagName.toLowerCase() === 'privacy-desk-overlay') inOverlay = true;
      el = el.shadowRoot.activeElement;
    }
    const e = el as HTMLElement;
    const style = getComputedStyle(e);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 ? `outline ${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}` : '';
    const label = e.getAttribute('aria-label') ?? (e.id ? (e.getRootNode() as Document | ShadowRoot).querySelector(`label[for="${e.id}"]`)?.textContent : null) ?? e.closest('label')?.textContent ?? '';
    return {
      tag: e.tagName.toLowerCase(),
      text: (e.textContent ?? '').trim().slice(0, 80),
      label: label.trim().slice(0, 80),
      type: e.getAttribute('type'),
      inOverlay,
      flag: e.hasAttribute('data-pd-flag'),
      ring: outline || (style.boxShadow !== 'none' ? `shadow ${style.boxShadow}` : ''),
    };
  });
}

/**
 * Presses Tab (or Shift+Tab) until `want` holds for the focused element. Each stop inside our UI must
 * show a focus ring; the host page's own elements are not ours to judge.
 */
async function tabTo(page: Page, want: (f: Focused) => boolean, what: string, { back = false, max = 80, ours = (f: Focused) => f.inOverlay } = {}): Promise<Focused> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (f.tag !== 'body' && ours(f)) expect(f.ring, `visible focus on ${f.tag} "${f.text || f.label}"`).not.toBe('');
    if (want(f)) return f;
  }
  throw new Error(`${what}: not reached with ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
}

let ext: Launched;
const origin = inject('origin');

beforeAll(async () => {
  ext = await launchExtension();
  await waitForContentScriptRegistration(ext.worker);
});
afterAll(async () => ext?.close());

describe('keyboard only', () => {
  it('flags a ticket and completes the request without the mouse', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${origin}/tickets/1043`);
    const overlay = page.locator('privacy-desk-overlay .pd');
    await overlay.waitFor({ timeout: 10_000 });
    await expect.poll(() => overlay.locator('[data-testid=records]').textContent()).toContain('No open requests');

    // Into the overlay: the request-type select first (its label is read out), then the flag button.
    const select = await tabTo(page, (f) => f.inOverlay && f.tag === 'select', 'request type');
    expect(select.label).toBe('Request type');
    // Detection pre-selected erasure (Art. 17 DSGVO); arrow keys change a focused select's value without opening it.
    expect(await overlay.locator('select#pd-type').inputValue()).toBe('erasure');
    await page.keyboard.press('ArrowDown');
    expect(await overlay.locator('select#pd-type').inputValue()).toBe('restriction');
    await page.keyboard.press('ArrowUp');
    expect(await overlay.locator('select#pd-type').inputValue()).toBe('erasure');
    await tabTo(page, (f) => f.flag, 'flag button');
    await page.keyboard.press('Enter');
    await expect.poll(() => overlay.locator('[role=status]').textContent(), { timeout: 10_000 }).toContain('Request recorded');
    await expect.poll(() => overlay.locator('[data-testid=records]').textContent()).toContain('1 open request');
    await screenshot(page, 'keyboard-overlay', { locator: 'privacy-desk-overlay' });

    // The card's details open from its toggle (the row's last stop); then open the requester in
    // Privacy Desk: the background opens the queue in a new tab.
    const toggle = await tabTo(page, (f) => f.inOverlay && f.label === 'Details, consent and events', 'details toggle');
    expect(toggle.tag).toBe('button');
    await page.keyboard.press('Enter');
    await tabTo(page, (f) => f.inOverlay && f.text === 'Open this requester in Privacy Desk', 'open in Privacy Desk');
    const opened = ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('/sidepanel.html'), timeout: 10_000 });
    await page.keyboard.press('Enter');
    const panel = await opened;
    await panel.bringToFront();
    await panel.getByTestId('queue-row').first().getByRole('button').waitFor({ timeout: 10_000 });

    const ours = () => true;
    await tabTo(panel, (f) => f.tag === 'button' && f.text.includes('Sabine Müller'), 'queue row', { ours });
    await panel.keyboard.press('Enter');
    await panel.getByTestId('request-detail').waitFor();
    // Focus moved with the view: onto the request's heading.
    await expect.poll(async () => (await focused(panel)).tag).toBe('h2');
    const status = panel.getByTestId('detail-status');
    expect(await status.textContent()).toBe('Received');

    // received → identity verification: Tab into the radio group, Space picks, Tab to Apply, Enter.
    const radio = await tabTo(panel, (f) => f.tag === 'input' && f.type === 'radio', 'status radio group', { ours });
    expect(radio.label).toBe('Identity verification');
    await panel.keyboard.press('Space');
    await tabTo(panel, (f) => f.tag === 'button' && f.text === 'Apply', 'Apply', { ours });
    await panel.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toBe('Identity verification');

    // The identity check: type the evidence, Enter submits its form.
    await tabTo(panel, (f) => f.tag === 'input' && f.label === 'Evidence', 'evidence', { ours });
    await panel.keyboard.type('Wrote from the address on the account');
    await panel.keyboard.press('Enter');
    await expect.poll(() => panel.getByTestId('identity').textContent()).toContain('Wrote from the address on the account');

    // → in progress: Shift+Tab enters an unchecked radio group at its last radio ("Withdrawn"); the
    // arrow keys move back through the group and select as they go.
    await tabTo(panel, (f) => f.tag === 'input' && f.type === 'radio', 'status radio group', { ours, back: true });
    expect((await focused(panel)).label).toBe('Withdrawn');
    await panel.keyboard.press('ArrowLeft');
    await panel.keyboard.press('ArrowLeft');
    expect((await focused(panel)).label).toBe('In progress');
    expect(await panel.getByRole('radio', { name: 'In progress' }).isChecked()).toBe(true);
    await tabTo(panel, (f) => f.tag === 'button' && f.text === 'Apply', 'Apply', { ours });
    await panel.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toBe('In progress');

    // → completed: again from the group's last radio, ArrowLeft twice (Withdrawn → Rejected → Completed).
    await tabTo(panel, (f) => f.tag === 'input' && f.type === 'radio', 'status radio group', { ours, back: true });
    expect((await focused(panel)).label).toBe('Withdrawn');
    await panel.keyboard.press('ArrowLeft');
    await panel.keyboard.press('ArrowLeft');
    expect((await focused(panel)).label).toBe('Completed');
    expect(await panel.getByRole('radio', { name: 'Completed' }).isChecked()).toBe(true);
    await tabTo(panel, (f) => f.tag === 'button' && f.text === 'Apply', 'Apply', { ours });
    await panel.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toBe('Completed');
    await screenshot(panel, 'keyboard-completed');

    const stored = (await sendFrom(panel, 'requests.query', { status: 'completed' })) as { data: { items: { source: { ticketId: string } }[] } };
    expect(stored.data.items.map((r) => r.source.ticketId)).toEqual(['1043']);
    await panel.close();
    await page.close();
  });

  it('the flag-ticket shortcut flags the ticket open in the active tab', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${origin}/tickets/1042`);
    const overlay = page.locator('privacy-desk-overlay .pd');
    await overlay.waitFor({ timeout: 10_000 });
    await expect.poll(() => overlay.locator('[data-testid=records]').textContent()).toContain('No open requests');
    await page.bringToFront();
    // Headless Chromium does not deliver global shortcuts; dispatch the command as the browser would.
    await ext.worker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      chrome.commands.onCommand.dispatch('flag-ticket', tab);
    }, `${origin}/tickets/1042`);
    await expect.poll(() => overlay.locator('[role=status]').textContent(), { timeout: 10_000 }).toContain('Request recorded');
    await page.close();
  });

  it('a page cannot trigger the shortcut: the overlay only obeys our background', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${origin}/tickets/1042?again`);
    const overlay = page.locator('privacy-desk-overlay .pd');
    await overlay.waitFor({ timeout: 10_000 });
    // The page posts what a shortcut message looks like, in every way it can reach the window.
    await page.evaluate(() => {
      window.postMessage({ type: 'pd-flag' }, '*');
      window.dispatchEvent(new MessageEvent('message', { data: { type: 'pd-flag' } }));
    });
    await page.waitForTimeout(500);
    expect(await overlay.locator('[role=status]').count()).toBe(0);
    await page.close();
  });
});

declare const chrome: {
  tabs: { query(q: { url: string }): Promise<unknown[]> };
  commands: { onCommand: { dispatch(command: string, tab: unknown): void } };
};
