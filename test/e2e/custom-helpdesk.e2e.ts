// Any helpdesk: a DPO configures a helpdesk we ship no adapter for (test/fixtures/custom, a made-up
// product) in the options page, tries the selectors on the open tab — the page's words come back
// censored — saves, and the overlay appears in that tab without a reload and reads the ticket.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension, screenshot, waitForContentScriptRegistration, type Launched } from './harness';

let ext: Launched;
const origin = inject('origin');

beforeAll(async () => {
  ext = await launchExtension();
  await waitForContentScriptRegistration(ext.worker);
});
afterAll(async () => ext?.close());

const SELECTORS: Record<string, string> = {
  ticketId: 'url:/desk/tickets/(\\d+)',
  subject: '.ticket-head .ticket-subject',
  requesterName: '.requester-card .requester-name',
  requesterEmail: '.requester-card a.requester-mail',
  messages: 'note: .timeline .entry--internal .entry-body; customer: .timeline .entry--in .entry-body; agent: .timeline .entry--out .entry-body',
  anchor: '.ticket-head',
};

describe('a custom helpdesk', () => {
  it('is configured in the options page, tested on the open tab (censored), and gets the overlay', async () => {
    const ticket = await ext.context.newPage();
    await ticket.goto(`${origin}/desk/tickets/4711?page=custom/ticket.html`);
    await ticket.waitForTimeout(500);
    expect(await ticket.locator('privacy-desk-overlay').count()).toBe(0);

    const options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
    const section = options.getByTestId('custom-helpdesks');
    // An unsafe pattern is refused before anything runs.
    await section.locator('[name=custom-origin]').fill(origin);
    for (const [field, value] of Object.entries(SELECTORS)) await section.locator(`[name=custom-${field}]`).fill(value);
    await section.locator('[name=custom-ticketId]').fill('url:/desk/tickets/((\\d+)+)x');
    await section.getByRole('button', { name: 'Test on an open tab' }).click();
    await expect.poll(() => section.getByTestId('custom-message').textContent()).toContain('must not repeat a group');
    await section.locator('[name=custom-ticketId]').fill(SELECTORS.ticketId!);

    await section.getByRole('button', { name: 'Test on an open tab' }).click();
    await expect.poll(() => section.getByTestId('custom-result-subject').textContent(), { timeout: 10_000 }).toContain('1 found');
    expect(await section.getByTestId('custom-result-messages').textContent()).toContain('3 found');
    expect(await section.getByTestId('custom-result-ticketId').textContent()).toContain('“0000”');
    // The customer's words never reach the options page: letters are x, digits 0.
    const shown = (await section.textContent()) ?? '';
    for (const secret of ['Verwijder', 'Anouk', 'Mulder', 'anouk.mulder', '4711']) expect(shown).not.toContain(secret);
    await screenshot(options, 'options-custom-helpdesk', { locator: '[data-testid=custom-helpdesks]' });

    await section.getByRole('button', { name: 'Save and grant access' }).click();
    await expect.poll(() => section.getByTestId('custom-message').textContent()).toContain('Saved');

    // The open tab gets the overlay without a reload, reading the ticket with the saved selectors.
    await ticket.bringToFront();
    const overlay = ticket.locator('privacy-desk-overlay .pd');
    await expect.poll(() => overlay.locator('[data-testid=requester]').textContent(), { timeout: 10_000 }).toContain('anouk.mulder@example.nl');
    await expect.poll(() => overlay.locator('[data-testid=detection]').textContent()).toContain('Request: Erasure');
    expect(await overlay.getAttribute('data-ticket-id')).toBe('4711');
    await screenshot(ticket, 'overlay-custom-helpdesk');
    await options.close();
    await ticket.close();
  });
});
