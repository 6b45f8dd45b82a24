// Recently deleted, end to end: an activity deleted in the register and a subprocessor deleted through
// the protocol appear in the side panel's "Recently deleted" tab with the day they will be purged
// (60 days on the extension's clock); Restore brings the activity back into the register, audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, screenshot, sendFrom, testNow, type Launched } from './harness';

let ext: Launched;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => ext?.close());

const day = (ms: number) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(ms));

describe('recently deleted', () => {
  it('lists what was deleted with its purge day and restores it on a click', async () => {
    const panel = await ext.context.newPage();
    await panel.goto(ext.extensionUrl('sidepanel.html?view=register'));
    const saved = await sendFrom(panel, 'register.save', { activity: { name: 'Newsletter mailing', role: 'controller', purposes: ['marketing'] } });
    expect(saved).toMatchObject({ ok: true });
    const sub = await sendFrom(panel, 'subprocessors.save', {
      subprocessor: { name: 'Mailer GmbH', legalEntity: 'Mailer GmbH', purpose: 'E-mail delivery', dataCategories: ['contact details'], locations: ['DE'], transferMechanism: 'scc', addedOn: '2025-01-05' },
    });
    expect(sub).toMatchObject({ ok: true });
    await sendFrom(panel, 'subprocessors.delete', { id: (sub.data as { id: string }).id });

    // The DPO deletes the activity in the register, as usual.
    await panel.reload();
    await panel.locator('[data-testid=activity-row]', { hasText: 'Newsletter mailing' }).click();
    panel.once('dialog', (d) => void d.accept());
    await panel.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => panel.locator('[data-testid=activity-row]').count()).toBe(0);

    // …and finds it under "Recently deleted".
    await panel.getByRole('tab', { name: 'Recently deleted' }).click();
    const items = panel.locator('[data-testid=deleted-item]');
    await expect.poll(() => items.count()).toBe(2);
    const activity = items.filter({ hasText: 'Newsletter mailing' });
    expect(await activity.getAttribute('data-table')).toBe('activities');
    expect(await activity.textContent()).toContain('Processing activity');
    const purgeDay = day(testNow() + 60 * 86_400_000);
    expect(await activity.locator('[data-testid=deleted-purge]').textContent()).toBe(`purged on ${purgeDay}`);
    expect(await items.filter({ hasText: 'Mailer GmbH' }).textContent()).toContain('Subprocessor');
    await screenshot(panel, 'recently-deleted', { locator: '[data-testid=deleted-view]' });

    await activity.getByRole('button', { name: 'Restore: Newsletter mailing' }).click();
    await expect.poll(() => panel.locator('[data-testid=deleted-status]').textContent()).toBe('Restored: Newsletter mailing (Processing activity)');
    await expect.poll(() => items.count()).toBe(1);

    // Back in the register, and the trail says who restored it.
    await panel.getByRole('tab', { name: 'Register' }).click();
    await expect.poll(() => panel.locator('[data-testid=activity-row]').count()).toBe(1);
    const actions = await ext.worker.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('privacy-desk');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('audit').objectStore('audit').getAll();
            all.onsuccess = () => resolve((all.result as Array<{ action: string; table: string }>).map((e) => `${e.action} ${e.table}`));
          };
        }),
    );
    expect(actions.slice(-1)).toEqual(['restore activities']);
    await panel.close();
  });
});
