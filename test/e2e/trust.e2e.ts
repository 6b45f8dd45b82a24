// Issue 6 end to end in Chromium: the options page's storage and helpdesk-access sections; the passphrase
// lock (records encrypted in IndexedDB, overlay and side panel refused while locked, unlock); backup
// download and restore with a tampered and a truncated file refused; and a tampered audit entry shown
// as the broken link in the side panel.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension, screenshot, sendFrom, waitForContentScriptRegistration, type Launched } from './harness';

let ext: Launched;
const origin = inject('origin');
const PASS = 'correct horse battery staple';
const files = mkdtempSync(join(tmpdir(), 'pd-trust-'));

beforeAll(async () => {
  ext = await launchExtension();
  await waitForContentScriptRegistration(ext.worker);
});
afterAll(async () => ext?.close());

/** Sends a message from the content script's isolated world in a helpdesk tab, as the overlay would. */
async function sendFromContentScript(page: Page, message: unknown): Promise<unknown> {
  const cdp = await ext.context.newCDPSession(page);
  const contexts: Array<{ id: number; auxData?: { type?: string }; name?: string }> = [];
  cdp.on('Runtime.executionContextCreated', (event: { context: (typeof contexts)[number] }) => void contexts.push(event.context));
  await cdp.send('Runtime.enable');
  await expect.poll(() => contexts.some((c) => c.auxData?.type === 'isolated' && c.name)).toBe(true);
  const isolated = contexts.find((c) => c.auxData?.type === 'isolated' && c.name)!;
  const { result } = (await cdp.send('Runtime.evaluate', {
    contextId: isolated.id,
    awaitPromise: true,
    returnByValue: true,
    expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
  })) as { result: { value: unknown } };
  await cdp.detach();
  return result.value;
}

/** Every stored row of the given object stores, read with raw IndexedDB on the extension's origin: what is on disk. */
function rawStores(page: Page, stores: string[]): Promise<string> {
  return page.evaluate(async (names) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('privacy-desk');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const out: Record<string, unknown[]> = {};
    for (const name of names)
      out[name] = await new Promise<unknown[]>((resolve) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => resolve(req.result);
      });
    db.close();
    return JSON.stringify(out);
  }, stores);
}

async function optionsPage(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('options.html'));
  await page.locator('[data-testid=security] [data-testid=lock-state]').waitFor();
  return page;
}

async function flag(ticketId: string, requester: string): Promise<void> {
  const page = await ext.context.newPage();
  await page.goto(`${origin}/tickets/${ticketId}`);
  const overlay = page.locator('privacy-desk-overlay .pd');
  await expect.poll(() => overlay.locator('[data-testid=requester]').textContent(), { timeout: 10_000 }).toContain(requester);
  await overlay.getByRole('button', { name: 'Flag as request' }).click();
  await expect.poll(() => overlay.locator('[role=status]').textContent()).toContain('Request recorded');
  await page.close();
}

describe('trust and data safety', () => {
  it('options: shows storage usage, asks for persistence, lists the granted helpdesk origins', async () => {
    const page = await optionsPage();
    await expect.poll(() => page.locator('[data-testid=storage-usage]').textContent()).toMatch(/^Using .+ of .+ available \(\d+(\.\d)? %\)\.$/);
    const persist = page.getByRole('button', { name: 'Keep data persistent' });
    if (await persist.count()) await persist.click();
    await expect.poll(() => page.locator('[data-testid=storage-persisted]').textContent()).toMatch(/The browser (keeps|may delete) this data/);

    const origins = page.locator('[data-testid=origins]');
    await expect.poll(() => origins.locator('[data-testid=granted-origins] li').count()).toBe(2);
    expect(await origins.locator('[data-testid=granted-origins]').textContent()).toContain('http://localhost');
    // The test build's loopback origins are required by its manifest: the browser refuses to revoke them.
    await origins.locator('li[data-origin="http://localhost"]').getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => origins.locator('[data-testid=origins-message]').textContent()).toBe('Access for http://localhost cannot be revoked: this build requires it.');
    await origins.locator('input[name=origin]').fill('not a helpdesk');
    await origins.getByRole('button', { name: 'Grant access' }).click();
    await expect.poll(() => origins.locator('[data-testid=origins-message]').textContent()).toBe('Enter a helpdesk address such as https://support.example.com.');
    await screenshot(page, 'options-trust');
    await page.close();
  });

  it('passphrase lock: encrypts what is stored, refuses the overlay and the side panel while locked, unlocks', async () => {
    await flag('1042', 'Jan de Vries');
    const page = await optionsPage();
    expect(await rawStores(page, ['subjects', 'requests'])).toContain('Jan de Vries');

    const security = page.locator('[data-testid=security]');
    await security.getByLabel('New passphrase (at least 10 characters)').fill(PASS);
    await security.getByLabel('Repeat the passphrase').fill('something else entirely');
    await security.getByRole('button', { name: 'Turn on encryption' }).click();
    await expect.poll(() => security.locator('[data-testid=lock-message]').textContent()).toBe('The two passphrases differ.');
    await security.getByLabel('Repeat the passphrase').fill(PASS);
    await security.getByRole('button', { name: 'Turn on encryption' }).click();
    await expect.poll(() => security.locator('[data-testid=lock-message]').textContent(), { timeout: 15_000 }).toMatch(/^Encryption is on: \d+ records converted\.$/);
    await expect.poll(() => security.locator('[data-testid=lock-state]').textContent()).toMatch(/^Unlocked/);
    const stored = await rawStores(page, ['subjects', 'requests', 'audit', 'settings']);
    for (const value of ['Jan de Vries', 'jan@example.nl', 'Verzoek om inzage']) expect(stored, value).not.toContain(value);
    expect(stored).toContain('"_sealed"');

    await security.getByRole('button', { name: 'Lock now' }).click();
    await expect.poll(() => security.locator('[data-testid=lock-state]').textContent()).toMatch(/^Locked/);

    // The overlay's messages answer 'locked'; overlay.choices tells it so.
    const ticket = await ext.context.newPage();
    await ticket.goto(`${origin}/tickets/1042`);
    await expect.poll(() => ticket.locator('privacy-desk-overlay').count(), { timeout: 10_000 }).toBe(1);
    expect(await sendFromContentScript(ticket, { pd: 1, type: 'overlay.lookup', payload: { email: 'jan@example.nl', helpdesk: 'demo', ticketId: '1042' } })).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await sendFromContentScript(ticket, { pd: 1, type: 'overlay.choices', payload: {} })).toEqual({ ok: true, data: { purposes: [], activities: [], locked: true } });
    await screenshot(ticket, 'overlay-locked', { locator: 'privacy-desk-overlay' });
    await ticket.close();

    const panel = await ext.context.newPage();
    await panel.goto(ext.extensionUrl('sidepanel.html'));
    expect(await sendFrom(panel, 'requests.query', {})).toMatchObject({ ok: false, error: { code: 'locked', message: expect.stringContaining('locked') } });
    // The audit chain holds no personal data: it verifies while locked.
    await expect.poll(() => panel.locator('[data-testid=audit-status]').textContent()).toMatch(/verified: \d+ entries/);
    // The keyed checkpoint's MAC needs the passphrase (lib/audit/seal.ts): said, not skipped silently.
    await expect.poll(() => panel.locator('[data-testid=audit-keyed]').textContent()).toBe('Unlock to check the seal made with your passphrase.');

    const unlock = security.getByRole('form', { name: 'Unlock' });
    await unlock.getByLabel('Passphrase', { exact: true }).fill('not the passphrase');
    await unlock.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => security.locator('[data-testid=lock-message]').textContent(), { timeout: 10_000 }).toBe('Wrong passphrase');
    await unlock.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await unlock.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => security.locator('[data-testid=lock-state]').textContent(), { timeout: 10_000 }).toMatch(/^Unlocked/);
    await panel.reload();
    await expect.poll(() => panel.locator('[data-testid=queue-row]').first().textContent()).toContain('Jan de Vries');
    await expect.poll(() => panel.locator('[data-testid=audit-keyed]').textContent()).toBe('Sealed with your passphrase up to the last entry.');
    await screenshot(panel, 'sidepanel-audit-keyed', { locator: '[data-testid=audit-status]' });
    await panel.close();
    await page.close();
  });

  it('backup: downloads one file, refuses a tampered and a truncated file without changing anything, restores the good one', async () => {
    await flag('1043', 'Sabine');
    let page = await optionsPage();
    // The lock is on (the test before): only an encrypted backup can be made.
    await page.locator('[data-testid=backup-encrypt-required]').waitFor();
    expect(await sendFrom(page, 'backup.create', {})).toMatchObject({ ok: false, error: { message: expect.stringContaining('must be encrypted') } });
    // The plain file this test tampers with needs the lock off.
    expect(await sendFrom(page, 'trust.disable', { passphrase: PASS })).toMatchObject({ ok: true });
    await page.close();
    page = await optionsPage();
    const backup = page.locator('[data-testid=backup]');
    const [download] = await Promise.all([page.waitForEvent('download'), backup.getByRole('button', { name: 'Download backup' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^privacy-desk-backup-\d{4}-\d\d-\d\d\.json$/);
    const good = join(files, 'good.json');
    await download.saveAs(good);
    const text = readFileSync(good, 'utf8');
    const file = JSON.parse(text) as { format: string; version: number; sha256: string; content: { tables: Record<string, unknown[]>; audit: unknown[] } };
    expect(file).toMatchObject({ format: 'privacy-desk/backup', version: 1 });
    expect(file.content.tables.requests).toHaveLength(2);
    await expect.poll(() => backup.locator('[data-testid=backup-message]').textContent()).toContain(`checksum ${file.sha256.slice(0, 12)}`);

    const before = await sendFrom(page, 'requests.query', {});
    const restore = async (path: string) => {
      await backup.locator('input[type=file]').setInputFiles(path);
      await backup.getByLabel('I understand that replacing overwrites all current data').check();
      await backup.getByRole('button', { name: 'Restore' }).click();
    };
    const tampered = join(files, 'tampered.json');
    writeFileSync(tampered, text.replace('Jan de Vries', 'Jan de Vriez'));
    await restore(tampered);
    await expect.poll(() => backup.locator('[data-testid=restore-message]').textContent()).toBe('Nothing was changed. The backup’s checksum does not match its content: the file was altered or damaged.');
    const truncated = join(files, 'truncated.json');
    writeFileSync(truncated, text.slice(0, Math.floor(text.length * 0.7)));
    await restore(truncated);
    await expect.poll(() => backup.locator('[data-testid=restore-message]').textContent()).toBe('Nothing was changed. The backup file is incomplete: it ends before the backup does (cut short or damaged while copying).');
    expect(await sendFrom(page, 'requests.query', {})).toEqual(before);

    // A third request after the backup; restoring (replace) takes the database back to the file.
    await flag('1045', 'Emma Clarke');
    expect(((await sendFrom(page, 'requests.query', {})).data as { total: number }).total).toBe(3);
    await restore(good);
    // Before replacing, both audit heads: this browser's log is longer than the file's (the backup's own
    // export entry and the third request came after it), so the entries the replace drops are counted.
    const heads = backup.locator('[data-testid=restore-heads]');
    await heads.waitFor();
    const status = (await sendFrom(page, 'audit.status', {})).data as { entries: number };
    const fileEntries = file.content.audit.length;
    const fileHead = (file.content.audit[fileEntries - 1] as { hash: string }).hash;
    expect(await heads.locator('[data-testid=restore-head-file]').textContent()).toBe(`The file: ${fileEntries} entries, head ${fileHead.slice(0, 16)}`);
    const localText = (await heads.locator('[data-testid=restore-head-local]').textContent()) ?? '';
    const localEntries = Number(/^This browser: (\d+) entries, head [0-9a-f]{16}$/.exec(localText)?.[1]);
    expect(localEntries).toBe(status.entries);
    expect(localEntries).toBeGreaterThan(fileEntries);
    expect(await heads.locator('[data-testid=restore-head-lost]').textContent()).toBe(
      `The file’s history is shorter than this browser’s: ${localEntries - fileEntries} entries would be lost from the log.`,
    );
    // Nothing has changed yet.
    expect(((await sendFrom(page, 'requests.query', {})).data as { total: number }).total).toBe(3);
    await backup.getByRole('button', { name: 'Replace with this file' }).click();
    await expect.poll(() => backup.locator('[data-testid=restore-message]').textContent(), { timeout: 15_000 }).toMatch(/^Restored: \d+ records and \d+ audit entries\.$/);
    expect(((await sendFrom(page, 'requests.query', {})).data as { total: number }).total).toBe(2);
    const panel = await ext.context.newPage();
    await panel.goto(ext.extensionUrl('sidepanel.html'));
    await expect.poll(() => panel.locator('[data-testid=audit-status]').textContent()).toContain(`verified: ${file.content.audit.length + 1} entries`);
    await screenshot(page, 'options-backup');
    await panel.close();
    await page.close();
  });

  it('a tampered audit entry shows in the side panel as the broken link', async () => {
    const panel = await ext.context.newPage();
    await panel.goto(ext.extensionUrl('sidepanel.html'));
    await expect.poll(() => panel.locator('[data-testid=audit-status]').textContent()).toMatch(/Audit trail verified: \d+ entries, unbroken\./);
    // Edit history behind the extension's back: entry 2's detail, straight in IndexedDB.
    await panel.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const req = indexedDB.open('privacy-desk');
        req.onsuccess = () => resolve(req.result);
      });
      const store = db.transaction('audit', 'readwrite').objectStore('audit');
      await new Promise<void>((resolve) => {
        const get = store.get(2);
        get.onsuccess = () => {
          store.put({ ...get.result, detail: 'nothing happened here' }).onsuccess = () => resolve();
        };
      });
      db.close();
    });
    await panel.reload();
    await expect.poll(() => panel.locator('[data-testid=audit-status]').textContent()).toContain('Audit trail broken at entry 2: entry 2 was changed after it was written');
    await screenshot(panel, 'sidepanel-audit-broken', { locator: '[data-testid=audit-status]' });
    await panel.close();
  });
});
