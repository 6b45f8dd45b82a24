// Issue 8 end to end: the overlay on saved pages of three real helpdesks (osTicket, FreeScout and the
// Zammad SPA), served on loopback under their real path shapes; SPA navigation on the demo helpdesk;
// hostile page content; live thread updates; and the "layout not recognised" state.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chooseRequestType, launchExtension, screenshot, sendFrom, waitForContentScriptRegistration, type Launched } from './harness';

let ext: Launched;
const origin = inject('origin');

beforeAll(async () => {
  ext = await launchExtension();
  await waitForContentScriptRegistration(ext.worker);
});
afterAll(async () => ext?.close());

// `page=` picks the saved file; the path keeps the helpdesk's real URL shape for its adapter.
const FIXTURES = [
  { kind: 'osTicket', url: `/support/scp/tickets.php?id=1042&page=osticket/ticket.html`, requester: 'Chloë van den Berg', type: 'Access', ticketId: '583201', lang: 'nl' },
  { kind: 'FreeScout', url: `/conversation/2231?folder_id=14&page=freescout/ticket.html`, requester: 'Jürgen Weiß', type: 'Access', ticketId: '1087', lang: 'de' },
  { kind: 'Zammad', url: `/?page=zammad/ticket.html#ticket/zoom/8123`, requester: 'Niccolò Ferraù', type: 'Erasure', ticketId: '31042', lang: 'it' },
] as const;

describe('overlay on helpdesk pages', () => {
  for (const f of FIXTURES) {
    it(`${f.kind}: detects the request in the ticket's language, flags it, and the queue shows it`, async () => {
      const page = await ext.context.newPage();
      await page.goto(`${origin}${f.url}`);
      const overlay = page.locator('privacy-desk-overlay .pd');
      await expect.poll(() => overlay.count(), { timeout: 10_000 }).toBe(1);
      expect(await overlay.getAttribute('data-ticket-id')).toBe(f.ticketId);
      await expect.poll(() => overlay.locator('[data-testid=requester]').textContent()).toContain(f.requester);
      await expect.poll(() => overlay.locator('[data-testid=detection]').textContent()).toContain(`Request: ${f.type}`);
      expect(await overlay.locator('select#pd-type').inputValue()).toBe(f.type.toLowerCase());
      await screenshot(page, `overlay-${f.kind.toLowerCase()}`, { locator: 'privacy-desk-overlay' });
      await overlay.getByRole('button', { name: 'Flag as request' }).click();
      await expect.poll(() => overlay.locator('[role=status]').textContent()).toContain('Request recorded');
      const panel = await ext.context.newPage();
      await panel.goto(ext.extensionUrl('sidepanel.html'));
      const reply = (await sendFrom(panel, 'requests.query', { search: f.requester.split(' ')[0] })) as { data: { items: { type: string; source: { ticketId: string }; language?: string; effectiveDueAt: string; receivedAt: string }[] } };
      const request = reply.data.items[0]!;
      expect(request.source.ticketId).toBe(f.ticketId);
      expect(request.type).toBe(f.type.toLowerCase());
      expect(request.language).toBe(f.lang);
      expect(Date.parse(request.effectiveDueAt) - Date.parse(request.receivedAt)).toBeGreaterThanOrEqual(28 * 86_400_000);
      await panel.close();
      await page.close();
    });
  }

  for (const f of FIXTURES.filter((x) => x.kind !== 'Zammad')) {
    it(`${f.kind}: the overlay is one line in the helpdesk's column and moves the thread by at most 40 px`, async () => {
      const page = await ext.context.newPage();
      await page.goto(`${origin}${f.url}`);
      const host = page.locator('privacy-desk-overlay');
      await expect.poll(() => host.locator('[data-testid=records]').textContent(), { timeout: 10_000 }).toContain('open request');
      const box = await host.evaluate((el) => {
        const style = getComputedStyle(el.shadowRoot!.querySelector('.pd')!);
        const rect = el.getBoundingClientRect();
        const parent = el.parentElement!.getBoundingClientRect();
        return { height: rect.height + parseFloat(style.marginTop) + parseFloat(style.marginBottom), left: rect.left, parentLeft: parent.left, width: rect.width, parentWidth: parent.width };
      });
      expect(box.height).toBeLessThanOrEqual(40);
      // In the column, not a card of its own width: as wide as the element it is anchored in.
      expect(Math.abs(box.width - box.parentWidth)).toBeLessThanOrEqual(40);
      await screenshot(page, `overlay-${f.kind.toLowerCase()}-page`);
      // Expanded, it shows the records, consent and events.
      await host.locator('[data-testid=more]').click();
      await expect.poll(() => host.locator('.pd-more').count()).toBe(1);
      expect(await host.locator('.pd-more').getByRole('button', { name: 'Record consent' }).count()).toBe(1);
      await screenshot(page, `overlay-${f.kind.toLowerCase()}-expanded`, { locator: 'privacy-desk-overlay' });
      await page.close();
    });
  }

  it('pre-selects no request type when no request was detected, so one click cannot file one', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${origin}/tickets/1044`);
    const overlay = page.locator('privacy-desk-overlay .pd');
    await expect.poll(() => overlay.locator('[data-testid=detection]').textContent(), { timeout: 10_000 }).toContain('No request detected');
    expect(await overlay.locator('select#pd-type').inputValue()).toBe('');
    expect(await overlay.getByRole('button', { name: 'Flag as request' }).isDisabled()).toBe(true);
    await chooseRequestType(overlay.locator('select#pd-type'), 'objection');
    expect(await overlay.getByRole('button', { name: 'Flag as request' }).isDisabled()).toBe(false);
    await page.close();
  });

  it('follows SPA navigation to another ticket and never shows the previous requester', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${origin}/tickets/1042`);
    await expect.poll(() => page.locator('privacy-desk-overlay [data-testid=requester]').textContent(), { timeout: 10_000 }).toContain('Jan de Vries');
    // Record, from the page, every requester the overlay shows and when, and when the URL changed.
    await page.evaluate(() => {
      const log: { t: number; text: string; ticket: string | null }[] = [];
      (window as unknown as { __pd: unknown }).__pd = { log, nav: 0 };
      const sample = () => {
        const pd = document.querySelector('privacy-desk-overlay')?.shadowRoot?.querySelector('.pd');
        const text = pd?.querySelector('[data-testid=requester]')?.textContent ?? '';
        const last = log[log.length - 1];
        if (!last || last.text !== text) log.push({ t: performance.now(), text, ticket: pd?.getAttribute('data-ticket-id') ?? null });
        requestAnimationFrame(sample);
      };
      new MutationObserver(sample).observe(document.body, { subtree: true, childList: true, characterData: true });
      const push = history.pushState.bind(history);
      history.pushState = (...args: Parameters<History['pushState']>) => {
        (window as unknown as { __pd: { nav: number } }).__pd.nav = performance.now();
        push(...args);
      };
      sample();
    });
    await page.locator('a.ticket-next').click();
    await expect.poll(() => page.locator('privacy-desk-overlay [data-testid=requester]').textContent()).toContain('Sabine Müller');
    const { log, nav } = await page.evaluate(() => (window as unknown as { __pd: { log: { t: number; text: string; ticket: string | null }[]; nav: number } }).__pd);
    const after = log.filter((e) => e.t >= nav);
    const firstNew = after.find((e) => e.text.includes('Sabine Müller'))!;
    // How fast it switches is measured by npm run bench (overlay latency), not asserted here.
    expect(firstNew).toBeDefined();
    // Once the URL names ticket 1043, the overlay never shows Jan again, nor Jan under ticket 1043.
    expect(after.filter((e) => e.text.includes('Jan de Vries') && e.t > firstNew.t)).toEqual([]);
    expect(log.filter((e) => e.ticket === '1043' && e.text.includes('Jan'))).toEqual([]);
    await page.close();
  });

  it('shows hostile page content literally and runs none of it', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${origin}/tickets/1099`);
    const overlay = page.locator('privacy-desk-overlay .pd');
    await expect.poll(() => overlay.locator('[data-testid=requester]').textContent(), { timeout: 10_000 }).toContain('<img src=x onerror="window.__pwned=\'name\'">Mallory');
    expect(await overlay.locator('img, script, svg, a[href^="javascript"]').count()).toBe(0);
    await chooseRequestType(overlay.locator('select#pd-type'), 'access');
    await overlay.getByRole('button', { name: 'Flag as request' }).click();
    await expect.poll(() => overlay.locator('[role=status]').textContent()).toContain('Request recorded');
    const panel = await ext.context.newPage();
    await panel.goto(ext.extensionUrl('sidepanel.html'));
    const row = panel.locator('[data-testid=queue-row]', { hasText: 'Mallory' });
    await expect.poll(() => row.textContent()).toContain('<img src=x onerror=');
    expect(await panel.locator('.list img, .list svg').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await panel.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await screenshot(page, 'overlay-hostile');
    await panel.close();
    await page.close();
  });

  it('re-reads a live thread when a new customer message arrives', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${origin}/tickets/1044`);
    const detection = page.locator('privacy-desk-overlay [data-testid=detection]');
    await expect.poll(() => detection.textContent(), { timeout: 10_000 }).toContain('No request detected');
    await page.evaluate(() => {
      const article = document.createElement('article');
      article.className = 'message message--customer';
      article.dataset.author = 'customer';
      article.innerHTML = '<div class="message-meta">Giulia Rossi</div><div class="message-body"></div>';
      article.querySelector('.message-body')!.textContent = 'Inoltre, ai sensi dell’art. 17 del GDPR chiedo la cancellazione di tutti i miei dati personali.';
      document.querySelector('.thread')!.insertBefore(article, document.querySelector('.reply'));
    });
    await expect.poll(() => detection.textContent()).toContain('Erasure');
    await page.close();
  });

  it('says the page layout was not recognised and shows a censored outline', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${origin}/tickets/1043`);
    await expect.poll(() => page.locator('privacy-desk-overlay .pd').count(), { timeout: 10_000 }).toBe(1);
    // A redesign drops the subject field the adapter relies on.
    await page.evaluate(() => document.querySelector('input.ticket-subject')!.remove());
    const overlay = page.locator('privacy-desk-overlay .pd');
    await expect.poll(() => overlay.locator('[role=alert]').textContent()).toContain('page layout was not recognised');
    await overlay.locator('summary').click();
    const outline = (await overlay.locator('[data-testid=diagnostics]').textContent()) ?? '';
    expect(outline).toContain('<section class="ticket"');
    for (const secret of ['Sabine', 'Müller', 'löschen', 'example.de']) expect(outline).not.toContain(secret);
    await screenshot(page, 'overlay-unrecognised');
    await page.close();
  });
});
