// Zero traffic of our own: every request the browser makes during a full session — the overlay on the
// demo helpdesk, flagging, the side panel, the options page (lock, backup), the welcome page and the
// documents page generating a PDF — is recorded, including the service worker's (Playwright reports
// service-worker requests at context level in Chromium; a probe below proves the recorder sees them).
// The extension may load only its own files; helpdesk pages load only from their own server.
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension, sendFrom, waitForContentScriptRegistration, type Launched } from './harness';

let ext: Launched;
const origin = inject('origin');
const recorded: Array<{ url: string; from: string; resourceType: string }> = [];

function source(request: Request): string {
  if (request.serviceWorker()) return `service worker ${request.serviceWorker()!.url()}`;
  try {
    return request.frame().url() || 'frame (no URL yet)';
  } catch {
    return 'unknown';
  }
}

beforeAll(async () => {
  ext = await launchExtension();
  ext.context.on('request', (request) => void recorded.push({ url: request.url(), from: source(request), resourceType: request.resourceType() }));
  await waitForContentScriptRegistration(ext.worker);
});
afterAll(async () => ext?.close());

const organisation = {
  legalName: 'Acme B.V.',
  role: 'controller',
  address: { street: 'Keizersgracht 1', postalCode: '1015 AA', city: 'Amsterdam', country: 'NL' },
  country: 'NL',
  dpo: { name: 'Dana DPO', email: 'dpo@acme.example' },
  // Signs the generated documents (the documents form takes the signatory from here).
  representative: { name: 'Rob Director', email: 'rob@acme.example', role: 'Managing director' },
  supervisoryAuthority: { name: 'Autoriteit Persoonsgegevens', country: 'NL' },
  defaultLanguage: 'en',
  timeZone: 'Europe/Amsterdam',
  closingDays: [],
  systems: ['CRM'],
};

describe('network traffic', () => {
  it('sees the service worker’s own requests (the recorder is not blind to the background)', async () => {
    const status = await ext.worker.evaluate(async () => (await fetch((globalThis as unknown as { chrome: { runtime: { getURL(p: string): string } } }).chrome.runtime.getURL('manifest.json'))).status);
    expect(status).toBe(200);
    await expect.poll(() => recorded.some((r) => r.from.startsWith('service worker') && r.url === ext.extensionUrl('manifest.json'))).toBe(true);
  });

  it('a full session makes no request but to the extension’s own files and the helpdesk’s own server', async () => {
    // Overlay on the demo helpdesk, flag.
    const page = await ext.context.newPage();
    await page.goto(`${origin}/tickets/1042`);
    const overlay = page.locator('privacy-desk-overlay .pd');
    await expect.poll(() => overlay.locator('[data-testid=requester]').textContent(), { timeout: 10_000 }).toContain('Jan de Vries');
    await overlay.getByRole('button', { name: 'Flag as request' }).click();
    await expect.poll(() => overlay.locator('[role=status]').textContent()).toContain('Request recorded');

    // Side panel: queue, a request's detail, the audit status.
    const panel = await ext.context.newPage();
    await panel.goto(ext.extensionUrl('sidepanel.html'));
    const row = panel.locator('[data-testid=queue-row]').first();
    await expect.poll(() => row.textContent()).toContain('Jan de Vries');
    await row.getByRole('button').click();
    await expect.poll(() => panel.locator('[data-testid=audit-status]').textContent()).toMatch(/verified/);

    // Options: organisation, lock on and off, a backup.
    const options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
    expect(await sendFrom(options, 'organisation.save', { profile: organisation })).toMatchObject({ ok: true });
    expect(await sendFrom(options, 'subprocessors.save', { subprocessor: { name: 'Helpdesk Inc.', legalEntity: 'Helpdesk Inc.', purpose: 'Ticketing', dataCategories: ['contact details'], locations: ['US'], transferMechanism: 'scc', addedOn: '2026-01-05' } })).toMatchObject({ ok: true });
    const security = options.locator('[data-testid=security]');
    await security.getByLabel('New passphrase (at least 10 characters)').fill('a long passphrase');
    await security.getByLabel('Repeat the passphrase').fill('a long passphrase');
    await security.getByRole('button', { name: 'Turn on encryption' }).click();
    await expect.poll(() => security.locator('[data-testid=lock-state]').textContent(), { timeout: 15_000 }).toMatch(/^Unlocked/);
    // With the lock on, the backup must be encrypted: the page asks for its passphrase first.
    await options.getByRole('button', { name: 'Download backup' }).click();
    await options.locator('[data-testid=backup-encrypt-required]').waitFor();
    await options.locator('[name=backup-pass]').fill('a backup passphrase');
    await options.locator('[name=backup-again]').fill('a backup passphrase');
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Download backup' }).click()]);
    expect(await download.failure()).toBeNull();

    // Welcome page and the documents page: a subprocessor list generated as PDF, with its preview.
    const welcome = await ext.context.newPage();
    await welcome.goto(ext.extensionUrl('welcome.html'));
    await welcome.waitForLoadState('load');
    const documents = await ext.context.newPage();
    await documents.goto(ext.extensionUrl('documents.html'));
    const form = documents.locator('[data-testid=generate-form]');
    await form.locator('select[name=kind]').selectOption('subprocessors');
    await form.getByRole('button', { name: 'Generate' }).click();
    await expect.poll(() => documents.locator('[data-testid=generated]').count(), { timeout: 30_000 }).toBe(1);
    expect(await documents.locator('[data-testid=generated]').textContent()).toContain('Generated and recorded');
    await expect.poll(() => documents.locator('[data-testid=preview]').getAttribute('data-drawn'), { timeout: 15_000 }).toBe('yes');

    for (const p of [page, panel, options, welcome, documents]) await p.close();
    await new Promise((r) => setTimeout(r, 500));

    const ours = `chrome-extension://${ext.extensionId}/`;
    const fromExtension = recorded.filter((r) => r.from.startsWith('service worker') || r.from.startsWith('chrome-extension://'));
    const fromPages = recorded.filter((r) => !fromExtension.includes(r));
    const foreign = [
      ...fromExtension.filter((r) => !r.url.startsWith(ours) && !/^(data|blob):/.test(r.url)),
      ...fromPages.filter((r) => !r.url.startsWith(`${origin}/`) && !r.url.startsWith(ours) && !/^(data|blob|about):/.test(r.url)),
    ];
    expect(foreign, JSON.stringify(foreign, null, 2)).toEqual([]);
    expect(fromExtension.length).toBeGreaterThan(10);
    console.info(
      `traffic: ${recorded.length} requests — ${fromExtension.length} from the extension (all ${ours}…), ${fromPages.length} from helpdesk pages (all ${origin}/…); resource types: ${[...new Set(recorded.map((r) => r.resourceType))].join(', ')}`,
    );
  });
});
