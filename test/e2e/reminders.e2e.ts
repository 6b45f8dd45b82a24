// Reminders survive a browser restart: the background re-derives its alarms from the database on every
// start, whatever the browser kept. The daily purge of records past their recovery window is
// re-created the same way.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { computeDeadline } from '../../lib/law/deadline';
import { launchExtension, systemTime, testNow, waitForContentScriptRegistration, type Launched } from './harness';

const origin = inject('origin');
const profile = mkdtempSync(join(tmpdir(), 'pd-e2e-restart-'));
let ext: Launched | undefined;
afterAll(async () => {
  await ext?.close();
  rmSync(profile, { recursive: true, force: true });
});

type Alarm = { name: string; scheduledTime: number; periodInMinutes?: number };
const alarms = (e: Launched) =>
  e.worker.evaluate(() => (globalThis as unknown as { chrome: { alarms: { getAll(): Promise<Alarm[]> } } }).chrome.alarms.getAll());

describe('reminders', () => {
  it('schedules the next reminder from the database and re-creates it after a restart', async () => {
    ext = await launchExtension({ profile });
    await waitForContentScriptRegistration(ext.worker);
    const page = await ext.context.newPage();
    await page.goto(`${origin}/tickets/1043`);
    const overlay = page.locator('privacy-desk-overlay .pd');
    await expect.poll(() => overlay.count(), { timeout: 10_000 }).toBe(1);
    const flaggedAt = new Date(testNow()).toISOString();
    await overlay.getByRole('button', { name: 'Flag as request' }).click();
    await expect.poll(() => overlay.locator('[role=status]').textContent()).toContain('Request recorded');

    // The next reminder is the request's 7-day lead before its legal deadline, scheduled on the browser's
    // (system) clock.
    await expect.poll(async () => (await alarms(ext!)).map((a) => a.name).sort()).toEqual(['pd-purge-daily', 'pd-reminders-check', 'pd-reminders-next']);
    expect((await alarms(ext!)).find((a) => a.name === 'pd-purge-daily')?.periodInMinutes).toBe(24 * 60);
    const next = (await alarms(ext!)).find((a) => a.name === 'pd-reminders-next')!;
    const { dueAt } = computeDeadline({ receivedAt: flaggedAt, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, country: 'NL' });
    expect(Math.abs(next.scheduledTime - systemTime(Date.parse(dueAt) - 7 * 86_400_000))).toBeLessThan(1000);

    // The browser drops the alarms; after a restart with the same profile they are back, at the same time.
    await ext.worker.evaluate(() => (globalThis as unknown as { chrome: { alarms: { clearAll(): Promise<boolean> } } }).chrome.alarms.clearAll());
    expect(await alarms(ext)).toEqual([]);
    await ext.close();
    ext = await launchExtension({ profile });
    await expect.poll(async () => (await alarms(ext!)).map((a) => a.name).sort(), { timeout: 15_000 }).toEqual(['pd-purge-daily', 'pd-reminders-check', 'pd-reminders-next']);
    const again = (await alarms(ext)).find((a) => a.name === 'pd-reminders-next')!;
    expect(Math.abs(again.scheduledTime - next.scheduledTime)).toBeLessThan(1000);
  });
});
