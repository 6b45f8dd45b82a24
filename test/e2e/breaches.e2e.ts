// The breach register end to end, in single-user mode: an agent reports a possible breach from a demo
// ticket (overlay → ▾ → "Report a possible breach"); the Breaches tab shows the 72-hour countdown and
// the badge counts the running clock; the DPO records the facts, the decision to notify and the authority's
// reference; the notification to the authority and the letter to the people affected download as PDFs and
// read back with pdftotext. Expectations come from the awareness instant the record holds, never today's date.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { breachDeadline } from '../../lib/law/breach-deadline';
import { launchExtension, screenshot, sendFrom, SHOTS_DIR, waitForContentScriptRegistration, type Launched } from './harness';

let ext: Launched;
const origin = inject('origin');
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

beforeAll(async () => {
  ext = await launchExtension();
  await waitForContentScriptRegistration(ext.worker);
});
afterAll(async () => ext?.close());

const badge = () => ext.worker.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(o: object): Promise<string> } } }).chrome.action.getBadgeText({}));

async function pdfOf(page: Page, click: () => Promise<void>): Promise<{ text: string; download: Download }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), click()]);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', (await download.path())!, '-'], { encoding: 'utf8' });
  return { text, download };
}

describe('breach register', () => {
  it('reports a breach from a ticket, counts down, records the decision and the reference, and downloads both documents', async () => {
    const setup = await ext.context.newPage();
    await setup.goto(ext.extensionUrl('options.html'));
    const saved = await sendFrom(setup, 'organisation.save', {
      profile: {
        legalName: 'Fiori Rossi S.r.l.',
        role: 'controller',
        address: { street: 'Via Roma 1', postalCode: '20121', city: 'Milano', country: 'IT' },
        country: 'IT',
        dpo: { name: 'Marco Neri', email: 'dpo@fiori.example', phone: '+39 02 1234 5678' },
        representative: { name: 'Giada Rossi', email: 'giada@fiori.example', role: 'Amministratrice' },
        supervisoryAuthority: { name: 'Garante per la protezione dei dati personali', country: 'IT' },
        defaultLanguage: 'it',
        timeZone: zone,
        closingDays: [],
        systems: [],
      },
    });
    expect(saved).toMatchObject({ ok: true });
    expect(await sendFrom(setup, 'register.save', { activity: { name: 'Fatturazione', role: 'controller', legalBasis: 'contract', purposes: ['billing'] } })).toMatchObject({ ok: true });
    await setup.close();

    // The agent: the action sits in the overlay's expanded view (the compact card's ▾).
    const page = await ext.context.newPage();
    await page.goto(`${origin}/tickets/1044`);
    const overlay = page.locator('privacy-desk-overlay .pd');
    await expect.poll(() => overlay.count(), { timeout: 10_000 }).toBe(1);
    expect(await overlay.getByTestId('pd-report-breach').isVisible()).toBe(false);
    await overlay.locator('[data-testid=more]').click();
    await overlay.getByTestId('pd-report-breach').click();
    const awareInput = overlay.getByTestId('pd-breach-aware');
    expect(await awareInput.inputValue()).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    await overlay.getByTestId('pd-breach-submit').click();
    await expect.poll(() => overlay.getByTestId('pd-breach-result').textContent()).toContain('Draft breach recorded');
    await screenshot(page, 'breach-overlay', { locator: 'privacy-desk-overlay .pd' });

    // The record: the awareness instant the overlay sent, the ticket as evidence, the clock = awareness + 72 h.
    const panel = await ext.context.newPage();
    await panel.setViewportSize({ width: 420, height: 1000 });
    await panel.goto(ext.extensionUrl('sidepanel.html?view=breaches'));
    const listed = (await sendFrom(panel, 'breaches.list', {})) as { data: { breaches: Array<{ id: string; awareAt: string; dueAt: string; source?: { ticketId: string }; title: string }> } };
    expect(listed.data.breaches).toHaveLength(1);
    const breach = listed.data.breaches[0]!;
    expect(breach.source?.ticketId).toBe('1044');
    const clock = breachDeadline({ awareAt: breach.awareAt, timeZone: zone });
    expect(breach.dueAt).toBe(clock.dueUtc);
    expect(Date.parse(breach.dueAt) - Date.parse(breach.awareAt)).toBe(72 * 3_600_000);
    await expect.poll(badge).toBe('1');

    // The Breaches tab: a live countdown in the list and in the detail.
    const row = panel.getByTestId('breach-row');
    await expect.poll(() => row.textContent()).toContain('Fattura duplicata');
    const countdownText = () => row.getByTestId('breach-countdown').textContent();
    await expect.poll(countdownText).toMatch(/^7[01] h \d\d min \d\d s left$/);
    const first = await countdownText();
    await expect.poll(countdownText, { timeout: 5_000 }).not.toBe(first);
    await screenshot(panel, 'breaches-tab');
    await row.click();
    const detail = panel.getByTestId('breach-detail');
    const expectedDue = await panel.evaluate(
      (due) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(new Date(due)),
      breach.dueAt,
    );
    await expect.poll(() => detail.getByTestId('breach-due').textContent()).toBe(expectedDue);
    await expect.poll(() => detail.getByTestId('breach-clock-left').textContent()).toMatch(/^7[01] h \d\d min \d\d s left$/);
    await screenshot(panel, 'breach-detail-clock');

    // The facts.
    await detail.getByTestId('breach-title').fill('Invoices sent to the wrong customer');
    await detail.getByTestId('breach-nature-confidentiality').check();
    await detail.getByTestId('breach-kind').selectOption('misdirected-mail');
    await detail.getByTestId('breach-description').fill('Two invoices were attached to an e-mail for another customer.');
    await detail.getByTestId('breach-subjectsApprox').fill('2');
    await detail.getByTestId('breach-recordCategories').fill('names, invoice amounts');
    await detail.getByTestId('breach-consequences').fill('Amounts and names seen by one other customer.');
    await detail.getByTestId('breach-measures').fill('The recipient deleted the e-mail and confirmed it.');
    await detail.getByTestId('breach-risk').selectOption('risk');
    await detail.getByLabel('Fatturazione').check();
    await detail.getByTestId('breach-save').click();
    await expect.poll(() => panel.locator('#breach-title').textContent()).toBe('Invoices sent to the wrong customer');
    await screenshot(panel, 'breach-detail', { locator: '[data-testid=breach-detail]' });

    // The decision, with reasons, then the initial notification with the authority's reference.
    await detail.getByTestId('breach-notify-yes').check();
    await detail.getByTestId('breach-decision-reasons').fill('Financial data reached a third party; a risk cannot be excluded.');
    await detail.getByTestId('breach-decide').click();
    await expect.poll(() => detail.getByTestId('breach-phases').count()).toBe(1);
    await detail.getByTestId('breach-phase-reference').fill('GPDP-2026-0815');
    await detail.getByTestId('breach-phase-submit').click();
    await expect.poll(() => detail.getByTestId('breach-status').textContent()).toBe('Authority notified');
    await expect.poll(() => detail.getByTestId('breach-reference').textContent()).toBe('GPDP-2026-0815');
    // The clock stopped: no running breach on the badge any more.
    await expect.poll(badge).toBe('');

    // The letter to the people affected in their language (by default the organisation's, Italian) and the
    // notification to the authority in the language chosen (English).
    expect(await detail.getByTestId('breach-doc-language').inputValue()).toBe('it');
    const letter = await pdfOf(panel, () => detail.getByTestId('breach-doc-letter').click());
    expect(letter.download.suggestedFilename()).toMatch(/^privacy-desk-breach-letter-it-/);
    const l = letter.text.replace(/\s+/g, ' ');
    for (const value of ['Un incidente che riguarda i tuoi dati personali', 'Marco Neri', 'dpo@fiori.example', 'The recipient deleted the e-mail and confirmed it.', 'persone che non dovevano vedere i tuoi dati']) expect(l).toContain(value);
    await letter.download.saveAs(join(SHOTS_DIR, 'breach-letter.pdf'));

    await detail.getByTestId('breach-doc-language').selectOption('en');
    const notification = await pdfOf(panel, () => detail.getByTestId('breach-doc-notification').click());
    expect(notification.download.suggestedFilename()).toMatch(/^privacy-desk-breach-notification-en-/);
    const n = notification.text.replace(/\s+/g, ' ');
    for (const value of ['Follow-up notification of a personal-data breach', 'GPDP-2026-0815', 'Fiori Rossi S.r.l.', 'Invoices sent to the wrong customer', 'Fatturazione', 'Marco Neri']) expect(n).toContain(value);
    expect(n).toContain('Not yet known'); // e.g. when it happened: marked for the next follow-up
    await notification.download.saveAs(join(SHOTS_DIR, 'breach-notification.pdf'));


    // Both documents are logged with their hashes like every generated document.
    const history = (await sendFrom(panel, 'documents.history', {})) as { data: { documents: Array<{ kind: string; outputSha256: string }> } };
    expect(history.data.documents.map((d) => d.kind).sort()).toEqual(['breach-letter', 'breach-notification']);
    expect(await detail.getByTestId('breach-history').locator('li').count()).toBe(3);

    // The register (Art. 33(5)) as CSV and as a PDF report, from the list.
    await detail.getByRole('button', { name: 'Back to the breaches' }).click();
    const [csv] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('breach-export-csv').click()]);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csvText.startsWith('\uFEFFReference,Title,Status')).toBe(true);
    expect(csvText).toContain('GPDP-2026-0815');
    expect(csvText).toContain(breach.awareAt);
    const report = await pdfOf(panel, () => panel.getByTestId('breach-export-pdf').click());
    expect(report.text).toContain('Register of personal-data breaches');
    expect(report.text).toContain('Invoices sent to the wrong customer');
    await panel.close();
    await page.close();
  });
});
