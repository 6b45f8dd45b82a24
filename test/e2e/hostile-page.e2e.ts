// A hostile or compromised helpdesk page (an XSS in the helpdesk, a malicious add-on on its origin)
// gains nothing from Privacy Desk being there. The page's own script — Playwright's page.evaluate and
// addInitScript run in the page's main world, exactly where such script runs — tries each attack on
// the overlay, which here has its closed shadow root as in the release build; then we check that
// nothing was recorded, nothing was read, and the agent's own gestures still work.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, sendFrom, waitForContentScriptRegistration, type Launched } from './harness';

let ext: Launched;
let panel: Page;
const origin = inject('origin');

beforeAll(async () => {
  ext = await launchExtension({ closedOverlay: true });
  await waitForContentScriptRegistration(ext.worker);
  panel = await ext.context.newPage();
  await panel.goto(ext.extensionUrl('sidepanel.html'));
});
afterAll(async () => ext?.close());

/** Installed before any script of the page: what a page that wants to spy on the overlay would do first. */
function spy() {
  const w = window as unknown as { __spy: { messages: string[]; roots: number } };
  w.__spy = { messages: [], roots: 0 };
  window.addEventListener('message', (e) => w.__spy.messages.push(JSON.stringify(e.data)));
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    w.__spy.roots += 1;
    return attach.call(this, { ...init, mode: 'open' });
  };
}

type Query = { data: { items: { source: { ticketId: string }; subjectId: string; type: string }[]; subjects: Record<string, { emails: string[] }> } };
const requestsFor = async (search: string) => ((await sendFrom(panel, 'requests.query', { search })) as Query).data;

/** What the browser does when the agent presses the flag-ticket shortcut in this tab. */
async function pressFlagShortcut(url: string) {
  await ext.worker.evaluate(async (u) => {
    const [tab] = await chrome.tabs.query({ url: u });
    chrome.commands.onCommand.dispatch('flag-ticket', tab);
  }, url);
}

describe('a hostile helpdesk page', () => {
  it('can neither read the overlay nor drive it, nor learn who has open requests', async () => {
    // Someone else with an open request: the page will try to find out about them.
    const seeded = await sendFrom(panel, 'overlay.flag', {
      ticket: { helpdesk: 'demo', ticketId: '9001', ticketUrl: `${origin}/tickets/9001`, subject: 'Erase me', requesterEmail: 'victim@example.org', messages: [] },
      type: 'erasure',
    });
    expect(seeded.ok).toBe(true);
    const pagesBefore = ext.context.pages().length;

    const page = await ext.context.newPage();
    await page.addInitScript(spy);
    await page.goto(`${origin}/tickets/1044`);
    await page.locator('privacy-desk-overlay').waitFor({ state: 'attached', timeout: 10_000 });

    const seen = await page.evaluate(async () => {
      const host = document.querySelector('privacy-desk-overlay') as HTMLElement;
      // Our content script created the root in its own world: the page's patched attachShadow never ran.
      const rootsSpied = (window as unknown as { __spy: { roots: number } }).__spy.roots;
      const result = { rootsSpied, shadowRoot: host.shadowRoot !== null, lightChildren: host.querySelectorAll('*').length, reattach: false, path: 0, extensionApi: false, leaks: [] as string[] };
      try {
        host.attachShadow({ mode: 'open' });
        result.reattach = true;
      } catch {
        /* the host already has its (closed) root */
      }
      // Oracle: point the page at another person, many times over, and look for what the overlay says.
      const email = document.querySelector('.requester-email')!;
      for (let i = 0; i < 40; i += 1) {
        email.textContent = i % 2 ? 'victim@example.org' : `probe${i}@example.org`;
        await new Promise((r) => setTimeout(r, 10));
      }
      email.textContent = 'victim@example.org';
      await new Promise((r) => setTimeout(r, 500));
      const html = document.documentElement.outerHTML + document.body.innerText;
      for (const word of ['open request', 'legal deadline', 'Erasure', 'Consents']) if (html.includes(word)) result.leaks.push(word);
      // Drive: synthetic clicks and keys at every point of the card, on the host and whatever has focus.
      const rect = host.getBoundingClientRect();
      host.addEventListener('click', (e) => (result.path = Math.max(result.path, e.composedPath().indexOf(host))), { once: true });
      for (let x = rect.left + 4; x < rect.right; x += 12) {
        for (let y = rect.top + 2; y < rect.bottom; y += 6) {
          const target = document.elementFromPoint(x, y) ?? host;
          for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click']) target.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, clientX: x, clientY: y }));
        }
      }
      host.click();
      host.focus();
      for (const key of ['Tab', 'Enter', ' ', 'ArrowDown', 'Enter']) {
        for (const target of [host, document.activeElement ?? host]) {
          target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
          target.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
        }
      }
      // Our background does not listen to web pages at all.
      const runtime = (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
      result.extensionApi = typeof runtime?.sendMessage === 'function';
      await new Promise((r) => setTimeout(r, 500));
      return result;
    });

    expect(seen).toEqual({ rootsSpied: 0, shadowRoot: false, lightChildren: 0, reattach: false, path: 0, extensionApi: false, leaks: [] });
    const spied = await page.evaluate(() => (window as unknown as { __spy: { messages: string[] } }).__spy);
    // WXT's "content script started" announcement (it names the extension id) never reaches the page.
    expect(spied.messages.filter((m) => m.includes('wxt') || m.includes(ext.extensionId))).toEqual([]);
    // Nothing recorded for anyone the page pointed at, no side-panel tab opened.
    expect((await requestsFor('giulia')).items).toEqual([]);
    expect((await requestsFor('probe')).items).toEqual([]);
    expect((await requestsFor('victim')).items.map((r) => r.source.ticketId)).toEqual(['9001']);
    expect(ext.context.pages().length).toBe(pagesBefore + 1);
    await page.close();
  });

  it("cannot switch the overlay off with WXT's start event; the agent's shortcut still flags", async () => {
    const url = `${origin}/tickets/1042`;
    const page = await ext.context.newPage();
    await page.goto(url);
    await page.locator('privacy-desk-overlay').waitFor({ state: 'attached', timeout: 10_000 });
    await page.evaluate((id) => {
      // The extension id of a published extension is public; the page forges the event WXT listens for.
      for (const name of ['helpdesk', 'helpdesk.content'])
        document.dispatchEvent(new CustomEvent(`${id}:${name}:wxt:content-script-started`, { detail: { contentScriptName: name, messageId: 'forged' } }));
    }, ext.extensionId);
    // Still alive (an invalidated content script removes its overlay and stops listening to the
    // shortcut): the overlay stays, and the agent's shortcut flags the ticket.
    await page.waitForTimeout(300);
    expect(await page.locator('privacy-desk-overlay').count()).toBe(1);
    await page.bringToFront();
    await pressFlagShortcut(url);
    await expect.poll(async () => (await requestsFor('Jan')).items.map((r) => r.type), { timeout: 10_000 }).toEqual(['access']);
    await page.close();
  });

  it('records the e-mail the page shows now, not one it showed before', async () => {
    const url = `${origin}/tickets/1043`;
    const page = await ext.context.newPage();
    await page.goto(url);
    await page.locator('privacy-desk-overlay').waitFor({ state: 'attached', timeout: 10_000 });
    await page.waitForTimeout(300);
    await page.evaluate(() => (document.querySelector('.requester-email')!.textContent = 'sabine.neu@example.de'));
    await page.waitForTimeout(300);
    await page.bringToFront();
    await pressFlagShortcut(url);
    await expect.poll(async () => (await requestsFor('Sabine')).items.length, { timeout: 10_000 }).toBe(1);
    const found = await requestsFor('Sabine');
    expect(found.subjects[found.items[0]!.subjectId]!.emails).toEqual(['sabine.neu@example.de']);
    await page.close();
  });

  it('Zammad: a customer whose display name looks like an address is recorded under their real address', async () => {
    const url = `${origin}/?page=zammad/ticket.html#ticket/zoom/8123`;
    const page = await ext.context.newPage();
    await page.goto(url);
    await page.locator('privacy-desk-overlay').waitFor({ state: 'attached', timeout: 10_000 });
    await page.evaluate(() => {
      const active = document.querySelector('[id^="content_permanent_Ticket-"].content.active')!;
      active.querySelector('.sidebar[data-tab="customer"] .sidebar-content h3')!.textContent = 'ceo@bank.example';
      for (const from of active.querySelectorAll('.article-meta-value')) from.textContent = from.textContent!.replace('Niccolò Ferraù', 'ceo@bank.example');
    });
    await page.waitForTimeout(300);
    await page.bringToFront();
    await pressFlagShortcut(url);
    await expect.poll(async () => (await requestsFor('ceo@bank')).items.length, { timeout: 10_000 }).toBe(1);
    const found = await requestsFor('ceo@bank');
    expect(found.subjects[found.items[0]!.subjectId]!.emails).toEqual(['n.ferrau@example.it']);
    await page.close();
  });
});

declare const chrome: {
  tabs: { query(q: { url: string }): Promise<unknown[]> };
  commands: { onCommand: { dispatch(command: string, tab: unknown): void } };
};
