// Issue 3 end to end: flag on the demo helpdesk → the request in the queue with the right due date →
// verification, extension (reason required), completion; the badge follows; an invalid transition is
// refused with a clear message; the export package downloads.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { computeDeadline } from '../../lib/law/deadline';
import { SubjectExport } from '../../lib/model';
import { launchExtension, screenshot, sendFrom, waitForContentScriptRegistration, type Launched } from './harness';

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
    const page = await ext.context.newPage();
    await page.goto(`${origin}/tickets/1045`);
    const overlay = page.locator('privacy-desk-overlay .pd');
    await expect.poll(() => overlay.locator('[data-testid=detection]').textContent(), { timeout: 10_000 }).toContain('Portability');
    const flaggedAt = new Date().toISOString();
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
    // No organisation profile yet: counted in the browser's zone with the Dutch calendar (background/deadlines.ts).
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

    // The export package downloads and validates.
    const download = panel.waitForEvent('download');
    await detail.getByRole('button', { name: 'Prepare export package' }).click();
    const file = await (await download).path();
    const pkg = SubjectExport.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(pkg.subject.emails).toEqual(['emma.clarke@example.co.uk']);
    expect(pkg.requests).toHaveLength(1);

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
