// Issue 4 end to end: an activity created in the side panel (opened as a tab) with its completeness
// check; a consent purpose with a versioned text; consent (with the customer's selected words) and a
// processing event recorded from the demo helpdesk overlay; both seen in the side panel with the
// proof; the register exported as CSV and read back, re-imported, and a bad file refused.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CSV_HEADER } from '../../lib/register/csv';
import { launchExtension, screenshot, sendFrom, waitForContentScriptRegistration, type Launched } from './harness';

let ext: Launched;
const origin = inject('origin');
const EMMA = 'emma.clarke@example.co.uk';
const NEWSLETTER_V1 = 'I would like to receive the monthly newsletter.';
const NEWSLETTER_V2 = 'I would like to receive the monthly newsletter by e-mail. I can unsubscribe at any time.';
const QUOTE = 'I am moving to another provider.';

beforeAll(async () => {
  ext = await launchExtension();
  await waitForContentScriptRegistration(ext.worker);
});
afterAll(async () => ext?.close());

async function panelTab(view: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl(`sidepanel.html?view=${view}`));
  return page;
}

describe('register, events and consent', () => {
  it('creates an activity in the side panel, with the Art. 30 completeness check guiding it', async () => {
    const panel = await panelTab('register');
    await expect.poll(() => panel.locator('[data-testid=register-summary]').textContent()).toBe('No activities yet.');
    await panel.getByRole('button', { name: 'New activity' }).click();
    const editor = panel.locator('[data-testid=activity-editor]');
    const missing = editor.locator('[data-testid=completeness]');
    await expect.poll(() => missing.textContent()).toContain('Controller’s name and contact details');

    await editor.getByLabel('Name of the processing activity').fill('Customer support — Kundendienst');
    await editor.getByLabel('Controller (legal entity)').fill('Acme Società S.r.l.');
    await editor.getByLabel('Contact person').fill('Zoë Müller');
    await editor.locator('#f-controller-email').fill('privacy@acme.example');
    await editor.locator('#f-purposes').selectOption({ label: 'Customer service and support' });
    await editor.getByLabel('Add your own entry to “Purposes of the processing”').fill('Loyalty programme');
    await editor.getByLabel('Add your own entry to “Purposes of the processing”').press('Enter');
    await expect.poll(() => editor.locator('[data-testid=f-purposes-chosen]').textContent()).toContain('Loyalty programme');
    await editor.locator('#f-legalBasis').selectOption('legitimate-interests');
    await expect.poll(() => missing.textContent()).toContain('Legitimate interest pursued');
    await editor.locator('#f-legitimateInterest').fill('Answering customers quickly, with their ticket history at hand.');
    await editor.locator('#f-dataSubjectCategories').selectOption({ label: 'Customers' });
    await editor.locator('#f-personalDataCategories').selectOption({ label: 'Contact details (address, e-mail, phone)' });
    await editor.locator('#f-personalDataCategories').selectOption({ label: 'Health data (Art. 9)' });
    await editor.locator('#f-recipients').fill('Helpdesk software provider');
    await editor.locator('#f-recipients').press('Enter');
    await editor.getByRole('button', { name: 'Add transfer' }).click();
    const transfer = editor.locator('[data-testid=transfer-row]');
    await transfer.getByLabel('Country (ISO code)').fill('US');
    await transfer.getByLabel('Recipient').fill('Helpdesk Inc.');
    await editor.locator('#f-retention').fill('24 months after the ticket is closed');
    await editor.locator('#f-securityMeasures').fill('Encryption at rest; SSO with MFA; least privilege');

    // What is still missing: the Art. 9(2) condition for health data and the SCC module.
    await expect.poll(() => missing.textContent()).toContain('Art. 9(2) condition: Health data (Art. 9)');
    expect(await missing.textContent()).toContain('SCC module: Helpdesk Inc. (US)');
    await panel.locator('.reg-view').evaluate((el) => el.scrollTo(0, 0));
    await screenshot(panel, 'register-editor-missing');
    await editor.getByLabel('Art. 9(2) condition for “Health data (Art. 9)”').selectOption('h');
    await transfer.getByLabel('SCC module').selectOption('2');
    await expect.poll(() => missing.textContent()).toContain('Complete: every mandatory Art. 30 item is recorded.');
    await panel.locator('.reg-view').evaluate((el) => el.scrollTo(0, 0));
    await screenshot(panel, 'register-editor-complete');
    // The same editor in a real side panel's width.
    await panel.setViewportSize({ width: 400, height: 860 });
    await screenshot(panel, 'register-editor-narrow');
    await panel.locator('.reg-view').evaluate((el) => el.scrollTo(0, 900));
    await screenshot(panel, 'register-editor-narrow-2');
    await panel.setViewportSize({ width: 1280, height: 860 });
    await editor.getByRole('button', { name: 'Save' }).click();

    await expect.poll(() => panel.locator('[data-testid=register-summary]').textContent()).toBe('1 of 1 activities complete');
    const row = panel.locator('[data-testid=activity-row]');
    expect(await row.textContent()).toContain('Customer support — Kundendienst');
    expect(await row.textContent()).toContain('Art. 6(1)(f)');
    await screenshot(panel, 'register-list');
    await panel.close();
  });

  it('creates a consent purpose whose changed text becomes a new version', async () => {
    const panel = await panelTab('consent');
    await panel.getByRole('button', { name: 'New purpose' }).click();
    const editor = panel.locator('[data-testid=purpose-editor]');
    await editor.getByLabel('Name').fill('Newsletter');
    expect(await editor.getByLabel('Key (lower-case letters, digits, dashes)').inputValue()).toBe('newsletter');
    await editor.getByLabel('Processing activity in the register').selectOption({ label: 'Customer support — Kundendienst' });
    await editor.getByLabel('Consent text (the exact words shown to the person)').fill(NEWSLETTER_V1);
    await editor.getByRole('button', { name: 'Save' }).click();
    const row = panel.locator('[data-testid=purpose-row]');
    await expect.poll(() => row.textContent()).toContain('EN v1');

    // The same text again creates nothing; a changed text creates version 2.
    await row.getByRole('button').click();
    const again = panel.locator('[data-testid=purpose-editor]');
    await again.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => again.locator('[data-testid=purpose-status]').textContent()).toBe('Unchanged: the same text as version 1 (EN).');
    await again.getByLabel('Consent text (the exact words shown to the person)').fill(NEWSLETTER_V2);
    await again.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => again.locator('[data-testid=purpose-status]').textContent()).toMatch(/^Saved as version 2 \(EN\), SHA-256 [0-9a-f]{12}…$/);
    await screenshot(panel, 'consent-purpose-versions');
    await panel.close();
  });

  it('records consent with the selected customer words and logs an event from the helpdesk overlay', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${origin}/tickets/1045`);
    const overlay = page.locator('privacy-desk-overlay .pd');
    // Recording consent and events sits in the card's details.
    await overlay.locator('[data-testid=more]').click({ timeout: 10_000 });
    await expect.poll(() => overlay.locator('[data-testid=pd-register]').count(), { timeout: 10_000 }).toBe(1);

    // The agent selects the customer's words in the ticket, then clicks "Record consent".
    await page.evaluate((quote) => {
      const body = [...document.querySelectorAll('.message-body')].find((b) => b.textContent?.includes(quote))!;
      const node = body.firstChild!;
      const start = node.textContent!.indexOf(quote);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + quote.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    }, QUOTE);
    await overlay.getByRole('button', { name: 'Record consent' }).click();
    const form = overlay.getByRole('form', { name: 'Record consent' });
    await expect.poll(() => form.getByLabel('The person’s words (evidence)').inputValue()).toBe(QUOTE);
    expect(await form.getByLabel('Purpose').inputValue()).not.toBe('');
    expect(await form.getByLabel('Channel').locator('option:checked').textContent()).toBe('Ticket');
    await screenshot(page, 'overlay-record-consent', { locator: 'privacy-desk-overlay' });
    await form.getByRole('button', { name: 'Save consent' }).click();
    await expect.poll(() => overlay.locator('[data-testid=pd-register-status]').textContent()).toBe('Consent recorded: Newsletter');
    await expect.poll(() => overlay.locator('[data-testid=consents]').textContent()).toContain('Consents: 1 given, 0 withdrawn');

    await overlay.getByRole('button', { name: 'Log processing event' }).click();
    const eventForm = overlay.getByRole('form', { name: 'Log processing event' });
    await eventForm.getByLabel('Processing activity').selectOption({ label: 'Customer support — Kundendienst' });
    await eventForm.getByLabel('Event').selectOption('exported');
    await eventForm.getByLabel('Description (optional)').fill('Sent the account data as CSV (Art. 20)');
    await eventForm.getByRole('button', { name: 'Save event' }).click();
    await expect.poll(() => overlay.locator('[data-testid=pd-register-status]').textContent()).toBe('Processing event logged: Customer support — Kundendienst');
    await screenshot(page, 'overlay-after-recording', { locator: 'privacy-desk-overlay' });
    await page.close();
  });

  it('answers "may we process now?" with the proof, and lists the events with filters', async () => {
    const panel = await panelTab('consent');
    await panel.locator('[data-testid=consent-email]').fill(EMMA);
    await panel.getByRole('button', { name: 'Look up' }).click();
    const answer = panel.locator('[data-testid=consent-answer]');
    await expect.poll(() => answer.textContent()).toContain('Yes: consent for “Newsletter” is given.');
    // The proof names the text version shown (v2, the current one) by its SHA-256.
    const sha = createHash('sha256').update(NEWSLETTER_V2).digest('hex');
    expect(await answer.locator('[data-testid=consent-sha]').textContent()).toBe(sha);
    expect(await answer.textContent()).toContain('v2 (EN)');
    expect(await answer.textContent()).toContain(`“${QUOTE}”`);
    expect(await answer.getByRole('link', { name: 'Ticket' }).getAttribute('href')).toBe(`${origin}/tickets/1045`);
    await screenshot(panel, 'consent-answer');

    // Withdrawal is a new record; the answer turns to no, and the history keeps both.
    await answer.getByRole('button', { name: 'Record withdrawal' }).click();
    const form = panel.locator('[data-testid=consent-form]');
    await form.getByLabel('The person’s words (evidence)').fill('Please stop sending me the newsletter.');
    await form.getByRole('button', { name: 'Record withdrawal' }).click();
    await expect.poll(() => answer.textContent()).toMatch(/No: consent for “Newsletter” was withdrawn on/);
    expect(await panel.locator('[data-testid=consent-row]').count()).toBe(2);
    await screenshot(panel, 'consent-history');
    await panel.close();

    const events = await panelTab('events');
    await expect.poll(() => events.locator('[data-testid=events-count]').textContent()).toBe('2 events');
    await events.locator('[data-testid=ev-filter-email]').fill(EMMA);
    await events.locator('[data-testid=ev-filter-email]').press('Enter');
    await events.locator('[data-testid=ev-filter-type]').selectOption('exported');
    await expect.poll(() => events.locator('[data-testid=events-count]').textContent()).toBe('1 events');
    const row = events.locator('[data-testid=event-row]');
    expect(await row.textContent()).toContain('Sent the account data as CSV (Art. 20)');
    expect(await row.textContent()).toContain(EMMA);
    expect(await row.textContent()).toContain('demo #1045');
    await events.locator('[data-testid=ev-filter-type]').selectOption('');
    await expect.poll(() => events.locator('[data-testid=events-count]').textContent()).toBe('2 events');
    expect(await events.locator('[data-testid=events-table]').textContent()).toContain('Consent captured');
    await screenshot(events, 'events-log');
    await events.close();
  });

  it('exports the register as CSV, reads it back, re-imports it, and refuses a bad file without changing anything', async () => {
    const panel = await panelTab('register');
    await expect.poll(() => panel.locator('[data-testid=register-summary]').textContent()).toBe('1 of 1 activities complete');
    const download = panel.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^register-of-processing-activities-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync((await file.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for spreadsheet programs
    const text = bytes.toString('utf8').slice(1);
    const [header, row] = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true }).data;
    expect(header).toEqual(CSV_HEADER);
    const cell = (name: string) => row![CSV_HEADER.indexOf(name)];
    expect(cell('name')).toBe('Customer support — Kundendienst');
    expect(cell('controllerEntity')).toBe('Acme Società S.r.l.');
    expect(cell('controllerContact')).toBe('Zoë Müller');
    expect(cell('purposes')).toBe('Customer service and support; Loyalty programme');
    expect(cell('specialCategories')).toBe('Health data (Art. 9) | Art. 9(2)(h)');
    expect(cell('transfers')).toBe('US | Helpdesk Inc. | scc | 2 | ');
    expect(cell('legalBasis')).toBe('legitimate-interests');

    // The same file imports back over the same activity.
    await panel.locator('[data-testid=register-import]').setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: bytes });
    await expect.poll(() => panel.locator('[data-testid=register-status]').textContent()).toBe('Imported: 0 new, 1 replaced.');

    // A bad row is reported by line and field, and nothing is written.
    const before = await sendFrom(panel, 'register.list', {});
    const audit = await sendFrom(panel, 'audit.verify', {});
    const line = (cells: Record<string, string>) => CSV_HEADER.map((h) => cells[h] ?? '').join(',');
    const badFile = [CSV_HEADER.join(','), line({ name: 'Good one', role: 'controller' }), line({ name: 'Bad one', role: 'controller', legalBasis: 'perhaps' })].join('\r\n');
    await panel.locator('[data-testid=register-import]').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(badFile) });
    const status = panel.locator('[data-testid=register-status]');
    await expect.poll(() => status.textContent()).toContain('line 3, legalBasis: "perhaps" is not a legal basis');
    expect(await status.textContent()).toContain('Nothing was imported.');
    await screenshot(panel, 'register-import-refused');
    expect(await sendFrom(panel, 'register.list', {})).toEqual(before);
    expect(await sendFrom(panel, 'audit.verify', {})).toEqual(audit);
    expect(audit).toMatchObject({ ok: true, data: { ok: true } });
    await panel.close();
  });
});
