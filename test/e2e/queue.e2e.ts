// Issue 3 end to end: flag on the demo helpdesk → the request in the queue with the right due date →
// verification, extension (reason required), completion; the badge follows; an invalid transition is
// refused with a clear message; the export package downloads.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { computeDeadline } from '../../lib/law/deadline';
import { SubjectExport } from '../../lib/model';
import { join } from 'node:path';
import { launchExtension, screenshot, sendFrom, SHOTS_DIR, testNow, waitForContentScriptRegistration, type Launched } from './harness';

let ext: Launched;
const origin = inject('origin');

beforeAll(async () => {
  ext = await launchExtension();
  await waitForContentScriptRegistration(ext.worker);
});
afterAll(async () => ext?.close());

const badge = () => ext.worker.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(o: object): Promise<string> } } }).chrome.action.getBadgeText({}));

describe('request queue', () => {
  it('walks a flagged request through its lifecycle with the legal deadline', async () => {
    // The organisation counts in the browser's zone with the Dutch calendar, signs the response letter,
    // and its register says what is processed.
    const setup = await ext.context.newPage();
    await setup.goto(ext.extensionUrl('options.html'));
    const saved = await sendFrom(setup, 'organisation.save', {
      profile: {
        legalName: 'Helpdesk Coördinatie B.V.',
        role: 'controller',
        address: { street: 'Oudegracht 1', postalCode: '3511 AA', city: 'Utrecht', country: 'NL' },
        country: 'NL',
        dpo: { name: 'Anneke Jansen', email: 'fg@example.nl' },
        representative: { name: 'Maarten de Vries', email: 'directie@example.nl', role: 'Directeur' },
        supervisoryAuthority: { name: 'Autoriteit Persoonsgegevens', country: 'NL' },
        defaultLanguage: 'nl',
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        closingDays: [],
        systems: ['Helpdesk', 'CRM'],
      },
    });
    expect(saved).toMatchObject({ ok: true });
    const activity = {
      name: 'Customer support',
      role: 'controller',
      legalBasis: 'contract',
      purposes: ['customer-service'],
      dataSubjectCategories: ['customers'],
      personalDataCategories: ['identity', 'contact-details', 'communications'],
      retention: '24 months after the ticket is closed',
    };
    expect(await sendFrom(setup, 'register.save', { activity })).toMatchObject({ ok: true });
    await setup.close();
    const page = await ext.context.newPage();
    await page.goto(`${origin}/tickets/1045`);
    const overlay = page.locator('privacy-desk-overlay .pd');
    await expect.poll(() => overlay.locator('[data-testid=detection]').textContent(), { timeout: 10_000 }).toContain('Portability');
    // On the test clock (08:00 UTC when the file starts) a flag never straddles midnight.
    const flaggedAt = new Date(testNow()).toISOString();
    await overlay.getByRole('button', { name: 'Flag as request' }).click();
    await expect.poll(() => overlay.locator('[role=status]').textContent()).toContain('Request recorded');
    await expect.poll(badge).toBe('');

    const panel = await ext.context.newPage();
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.goto(ext.extensionUrl('sidepanel.html'));
    const row = panel.locator('[data-testid=queue-row]').first();
    await expect.poll(() => row.textContent()).toContain('Emma Clarke');
    await row.getByRole('button').click();
    const detail = panel.locator('[data-testid=request-detail]');
    const expected = computeDeadline({ receivedAt: flaggedAt, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, country: 'NL' });
    const dueText = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(expected.dueAt));
    await expect.poll(() => detail.locator('[data-testid=detail-due]').textContent()).toContain(dueText);

    // An invalid transition is not offered, and the background refuses it with a clear message.
    expect(await detail.getByRole('radio', { name: 'Completed' }).count()).toBe(0);
    const listed = (await sendFrom(panel, 'requests.query', { status: 'received' })) as { data: { items: { id: string }[] } };
    const refused = await sendFrom(panel, 'requests.transition', { id: listed.data.items[0]!.id, to: 'completed' });
    expect(refused).toEqual({ ok: false, error: { code: 'conflict', message: 'A request that is "received" cannot become "completed"' } });

    await detail.getByRole('radio', { name: 'Identity verification' }).check();
    await detail.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => detail.locator('[data-testid=detail-status]').textContent()).toBe('Identity verification');
    await detail.getByLabel('Evidence').fill('Replied from the e-mail address on the account');
    await detail.getByRole('button', { name: 'Record verification' }).click();
    await expect.poll(() => detail.locator('[data-testid=identity]').textContent()).toContain('E-mail matches the account');
    await detail.getByRole('radio', { name: 'In progress' }).check();
    await detail.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => detail.locator('[data-testid=detail-status]').textContent()).toBe('In progress');

    // Extension without a reason is refused with a clear message.
    await detail.getByRole('radio', { name: 'Extended' }).check();
    await detail.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => detail.locator('[data-testid=detail-error]').textContent()).toContain('needs a reason');
    await detail.getByRole('radio', { name: 'Extended' }).check();
    await detail.getByTestId('transition-reason').fill('Data spread over three legacy systems');
    await detail.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => detail.locator('[data-testid=detail-status]').textContent()).toBe('Extended');
    const extended = computeDeadline({ receivedAt: flaggedAt, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, country: 'NL', extended: true });
    const extendedText = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(extended.dueAt));
    await expect.poll(() => detail.locator('[data-testid=detail-due]').textContent()).toContain(extendedText);

    // The export package: the records as JSON, validated, and the response letter as PDF in the subject's language.
    const downloads: import('playwright-core').Download[] = [];
    panel.on('download', (d) => downloads.push(d));
    await detail.getByRole('button', { name: 'Prepare export package' }).click();
    await expect
      .poll(async () => (downloads.length < 2 ? `${downloads.length} · ${await detail.locator('[role=alert], [role=status]').allTextContents()}` : 'both'), { timeout: 20_000 })
      .toBe('both');
    const json = downloads.find((d) => d.suggestedFilename().endsWith('.json'))!;
    const pkg = SubjectExport.parse(JSON.parse(readFileSync((await json.path())!, 'utf8')));
    expect(pkg.subject.emails).toEqual(['emma.clarke@example.co.uk']);
    expect(pkg.requests).toHaveLength(1);
    const pdf = downloads.find((d) => d.suggestedFilename().endsWith('.pdf'))!;
    expect(pdf.suggestedFilename()).toMatch(/^privacy-desk-dsar-response-en-/);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', (await pdf.path())!, '-'], { encoding: 'utf8' });
    expect(text).toContain('Emma Clarke');
    expect(text).toContain('Helpdesk Coördinatie B.V.');
    expect(text).toContain(json.suggestedFilename());
    expect(text).toMatch(/Page 1 of \d/);
    await pdf.saveAs(join(SHOTS_DIR, 'queue-response-letter.pdf'));

    await detail.getByRole('radio', { name: 'Completed' }).check();
    await detail.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => detail.locator('[data-testid=detail-status]').textContent()).toBe('Completed');
    expect(await detail.locator('[data-testid=history] li').count()).toBe(5);
    await screenshot(panel, 'sidepanel-request-detail');
    await panel.close();
    await page.close();
  });

  it('counts requests due within the badge window', async () => {
    const panel = await ext.context.newPage();
    await panel.goto(ext.extensionUrl('sidepanel.html'));
    const send = (type: string, payload: unknown) => sendFrom(panel, type, payload);
    expect(await badge()).toBe('');
    const page = await ext.context.newPage();
    await page.goto(`${origin}/tickets/1046`);
    await expect.poll(() => page.locator('privacy-desk-overlay .pd').count(), { timeout: 10_000 }).toBe(1);
    await page.locator('privacy-desk-overlay').getByRole('button', { name: 'Flag as request' }).click();
    await expect.poll(() => page.locator('privacy-desk-overlay [role=status]').textContent()).toContain('Request recorded');
    expect(await badge()).toBe('');
    const saved = await send('settings.save', { badgeDays: 40 });
    expect(saved.ok).toBe(true);
    await expect.poll(badge).toBe('1');
    await send('settings.save', { badgeDays: 7 });
    await expect.poll(badge).toBe('');
    await page.close();
    await panel.close();
  });
});
