// Issue 5 end to end ("In the extension" + "Custom templates"): an organisation profile and a register,
// two subprocessors entered on the documents page, a German DPA and a Dutch subprocessor list rendered in
// the service worker and downloaded (text checked with pdftotext, page 1 rasterised), the history
// re-downloading both with their hashes verified and a tampered file caught; a custom template compiled
// in the sandboxed page renders a PDF, one with an unknown field and one that does not compile are
// refused with line and field and record nothing; the manifest allows eval only in the sandbox.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launchExtension, ROOT, screenshot, sendFrom, testNow, type Launched } from './harness';

let ext: Launched;
let page: Page;
const OUT = join(ROOT, 'test-output/documents/e2e');
const ORG = 'Müller & Söhne Datenverarbeitung GmbH';

const profile = {
  legalName: ORG,
  role: 'processor',
  address: { street: 'Leopoldstraße 112', postalCode: '80802', city: 'München', country: 'DE' },
  country: 'DE',
  representative: { name: 'Jürgen Weiß', email: 'jw@mueller-soehne.example', role: 'Geschäftsführer' },
  dpo: { name: 'Dr. Anneliese Köhler', email: 'dsb@mueller-soehne.example' },
  supervisoryAuthority: { name: 'Bayerisches Landesamt für Datenschutzaufsicht', country: 'DE' },
  defaultLanguage: 'de',
  timeZone: 'Europe/Berlin',
  closingDays: [],
  systems: [],
};

const activities = [
  {
    name: 'Kundensupport im Helpdesk',
    role: 'processor',
    purposes: ['customer-service'],
    dataSubjectCategories: ['customers'],
    personalDataCategories: ['identity', 'contact-details', 'communications'],
    retention: '24 Monate nach Abschluss des Tickets',
  },
  { name: 'Zufriedenheitsumfragen', role: 'processor', purposes: ['customer-service'], dataSubjectCategories: ['customers'], personalDataCategories: ['contact-details'], retention: '12 Monate' },
];

function pdfToText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8');
}
const squash = (s: string) => s.normalize('NFC').replace(/[\s\u00AD-]+/g, '');

async function ok<T>(reply: Promise<{ ok: boolean; data?: unknown; error?: { message: string } }>): Promise<T> {
  const r = await reply;
  if (!r.ok) throw new Error(`message failed: ${r.error?.message}`);
  return r.data as T;
}

const form = () => page.locator('[data-testid=generate-form]');
const field = (name: string) => form().locator(`[name="${name}"]`);

async function generate(): Promise<string> {
  await form().getByRole('button', { name: 'Generate PDF' }).click();
  const done = form().locator('[data-testid=generated]');
  const failed = form().locator('[data-testid=generate-error]');
  await expect.poll(async () => (await done.count()) + (await failed.count()), { timeout: 30_000 }).toBeGreaterThan(0);
  if (await failed.count()) throw new Error(`generation failed: ${await failed.textContent()}`);
  return (await done.textContent()) ?? '';
}

async function download(click: () => Promise<void>, name: string): Promise<string> {
  const event = page.waitForEvent('download');
  await click();
  const file = join(OUT, name);
  await (await event).saveAs(file);
  return file;
}

const historyRows = () => page.locator('[data-testid=history-row]');

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  ext = await launchExtension();
  page = await ext.context.newPage();
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(ext.extensionUrl('documents.html'));
});
afterAll(async () => ext?.close());

describe('documents page', () => {
  it('asks for the organisation profile before anything can be generated', async () => {
    await expect.poll(() => page.locator('[data-testid=no-organisation]').textContent()).toContain('Fill in the organisation profile first');
    await field('kind').selectOption('register');
    const refused = await generate().then(
      () => 'generated',
      (error: Error) => error.message,
    );
    expect(refused).toContain('Fill in the organisation profile first (Settings → Organisation profile');
    expect(await historyRows().count()).toBe(0);
  });

  it('generates a German DPA and a Dutch subprocessor list from the profile, the register and two subprocessors', async () => {
    await ok(sendFrom(page, 'settings.save', { actorName: 'Lena Legal' }));
    await ok(sendFrom(page, 'organisation.save', { profile }));
    for (const activity of activities) await ok(sendFrom(page, 'register.save', { activity }));
    await page.reload();

    // Two subprocessors through the page's own editor.
    const sp = page.locator('[data-testid=subprocessor-form]');
    const addSubprocessor = async (values: Record<string, string>) => {
      for (const [name, value] of Object.entries(values)) {
        const input = sp.locator(`[name="sp.${name}"]`);
        if (name === 'transferMechanism') await input.selectOption(value);
        else await input.fill(value);
      }
      await sp.getByRole('button', { name: 'Add subprocessor' }).click();
      await expect.poll(() => sp.locator('[data-testid=subprocessor-message]').textContent()).toContain(`${values.name} saved.`);
    };
    await addSubprocessor({ name: 'Città Cloud', legalEntity: 'Città Cloud S.r.l.', purpose: 'Hosting der Helpdesk-Datenbank', dataCategories: 'Kontaktdaten, Ticketinhalte', locations: 'it, de', addedOn: '2025-01-10' });
    await addSubprocessor({ name: 'MailBridge', legalEntity: 'MailBridge Inc.', purpose: 'Versand von E-Mails', dataCategories: 'E-Mail-Adresse', locations: 'US', transferMechanism: 'scc', addedOn: '2025-02-01' });
    await expect.poll(() => page.locator('[data-testid=subprocessor-row]').count()).toBe(2);
    expect(await page.locator('[data-testid=no-organisation]').count()).toBe(0);

    // The DPA in German: the fields a user types; the rest comes from the profile and the register.
    await field('kind').selectOption('dpa');
    await field('language').selectOption('de');
    await expect.poll(() => form().locator('[data-testid=pick-activities] input:checked').count()).toBe(2);
    await expect.poll(() => form().locator('[data-testid=pick-subprocessors] input:checked').count()).toBe(2);
    expect(await field('signatory.name').inputValue()).toBe('Jürgen Weiß');
    const values: Record<string, string> = {
      reference: 'AVV-2026-017',
      'mainAgreement.title': 'Helpdesk-Dienstleistungsvertrag',
      'counterparty.legalName': 'Zoë Coördinatie B.V.',
      'counterparty.address.street': 'Keizersgracht 123',
      'counterparty.address.postalCode': '1015 CJ',
      'counterparty.address.city': 'Amsterdam',
      'counterparty.country': 'nl',
      'counterparty.representative.name': 'Eline van den Bergh',
      'counterparty.representative.title': 'Directeur',
      'counterparty.email': 'privacy@zoe.example',
      'governingLaw.court': 'Landgericht München I',
      'processing.nature': 'Speichern, Ordnen und Beantworten von Kundenanfragen im Helpdesk.',
      'measure.encryption': 'TLS 1.2 für die Übertragung, AES-256 im Ruhezustand.',
      'measure.access-control': 'Rollenbasierte Zugriffe mit Zwei-Faktor-Anmeldung.',
    };
    for (const [name, value] of Object.entries(values)) await field(name).fill(value);
    // A subprocessor outside the EEA needs a transfer mechanism: the error names the field first.
    const refused = await generate().catch((error: Error) => error.message);
    expect(refused).toContain('transfers.mechanism');
    await field('transfers.mechanism').selectOption('scc');
    await field('transfers.sccModule').selectOption('3');
    const status = await generate();
    expect(status).toMatch(/Generated and recorded \(pages: \d+; SHA-256 [0-9a-f]{16}…\)/);

    // Page 1 previewed on the canvas, then the page and the preview on screen.
    await expect.poll(() => page.locator('[data-testid=preview]').getAttribute('data-drawn'), { timeout: 15_000 }).toBe('yes');
    await screenshot(page, 'documents-page');
    await screenshot(page, 'documents-preview-dpa-de', { locator: 'aside.preview canvas' });

    const dpa = await download(() => form().getByTestId('download-pdf').click(), 'dpa-de.pdf');
    const dpaText = pdfToText(dpa);
    expect(squash(dpaText)).toContain(squash(ORG));
    expect(dpaText).toContain('Zoë Coördinatie B.V.');
    expect(dpaText).toMatch(/Seite 1 von \d+/);
    expect(squash(dpaText)).toContain(squash('Kundenservice und Support'));
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', dpa, join(OUT, 'dpa-de-page1')]);

    // The subprocessor list in Dutch.
    await field('kind').selectOption('subprocessors');
    await field('language').selectOption('nl');
    await generate();
    await expect.poll(() => page.locator('[data-testid=preview-caption]').textContent()).toContain('Lijst van subverwerkers');
    await expect.poll(() => page.locator('[data-testid=preview]').getAttribute('data-drawn')).toBe('yes');
    await screenshot(page, 'documents-preview-subprocessors-nl', { locator: 'aside.preview canvas' });
    const list = await download(() => form().getByTestId('download-pdf').click(), 'subprocessors-nl.pdf');
    const listText = pdfToText(list);
    expect(squash(listText)).toContain(squash(ORG));
    expect(squash(listText)).toContain(squash('Città Cloud S.r.l.'));
    expect(listText).toMatch(/Pagina 1 van \d+/);
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', list, join(OUT, 'subprocessors-nl-page1')]);
  });

  it('lists both in the history and downloads them again with their hashes verified', async () => {
    await expect.poll(() => historyRows().count()).toBe(2);
    const rows = historyRows();
    expect(await rows.nth(0).getAttribute('data-kind')).toBe('subprocessors');
    expect(await rows.nth(1).getAttribute('data-kind')).toBe('dpa');
    for (const [i, name] of [
      [0, 'subprocessors-nl.pdf'],
      [1, 'dpa-de.pdf'],
    ] as const) {
      const again = await download(() => rows.nth(i).getByRole('button', { name: 'Download again' }).click(), `again-${name}`);
      await expect.poll(() => rows.nth(i).locator('[data-testid=hash-check]').textContent()).toContain('Hash verified');
      expect(readFileSync(again).equals(readFileSync(join(OUT, name)))).toBe(true);
    }
    await screenshot(page, 'documents-history', { locator: '[data-testid=history]' });

    // Every generated document is a create in the audit trail, each re-download an export.
    const audit = await ok<{ ok: boolean; entries: number }>(sendFrom(page, 'audit.verify', {}));
    expect(audit.ok).toBe(true);

    // A kept PDF that was changed behind the extension's back is caught and not offered.
    const history = await ok<{ documents: { id: string }[] }>(sendFrom(page, 'documents.history', {}));
    const id = history.documents[0]!.id;
    await page.evaluate(async (key) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('privacy-desk');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      // The PDF's own record (the documentFiles table; the lock is off here, so it is stored plain).
      const store = db.transaction('documentFiles', 'readwrite').objectStore('documentFiles');
      const row = await new Promise<{ id: string; pdf: string }>((resolve) => {
        const get = store.get(key);
        get.onsuccess = () => resolve(get.result as { id: string; pdf: string });
      });
      // Flip one base64 character in the middle of the file.
      const at = Math.floor(row.pdf.length / 2);
      store.put({ ...row, pdf: row.pdf.slice(0, at) + (row.pdf[at] === 'A' ? 'B' : 'A') + row.pdf.slice(at + 1) });
      db.close();
    }, id);
    await rows.nth(0).getByRole('button', { name: 'Download again' }).click();
    await expect.poll(() => rows.nth(0).locator('[data-testid=hash-check]').textContent()).toMatch(/Hash mismatch: recorded [0-9a-f]{16}…, kept file [0-9a-f]{16}…/);
  });

  it('renders with a custom template compiled in the sandbox, and refuses broken ones with line and field', async () => {
    const templates = page.locator('[data-testid=template-form]');
    const upload = async (name: string, source: string) => {
      await templates.locator('[name=templateKind]').selectOption('subprocessors');
      await templates.locator('[name=templateLanguage]').selectOption('nl');
      await templates.locator('[name=templateFile]').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(source) });
      await templates.getByRole('button', { name: 'Check and add template' }).click();
    };
    const problem = templates.locator('[data-testid=template-error]');
    const before = await historyRows().count();

    // A field the data does not have: refused with the field and its line; nothing stored or recorded.
    await upload('kapot-veld.hbs', '# Eigen lijst\n\n{{organisation.legalName}}\n\nKvK: {{organisation.kvkNummer}}\n');
    await expect.poll(() => problem.textContent()).toContain('The template uses a field the data does not have');
    expect(await problem.locator('[data-testid=problem-field]').textContent()).toContain('organisation.kvkNummer');
    expect(await problem.locator('[data-testid=problem-line]').textContent()).toContain('line 5, column 8');
    await screenshot(page, 'documents-template-error', { locator: '[data-testid=template-form]' });

    // A template that does not compile: refused with its line.
    await upload('kapot-blok.hbs', '# Eigen lijst\n\n{{#each rows}}\n- {{name}}\n');
    await expect.poll(() => problem.textContent()).toContain('The template does not compile');
    expect(await problem.locator('[data-testid=problem-line]').textContent()).toContain('line 5');
    expect(await page.locator('[data-testid=template-row]').count()).toBe(0);

    // A good one: stored with its hash, then chosen for the list.
    await upload('eigen-lijst.hbs', '# Eigen lijst van {{organisation.legalName}}\n\n{{#each rows}}\n- **{{name}}** ({{legalEntity}}): {{purpose}}, {{locations}}\n{{/each}}\n\n{{place}}, {{date}}\n');
    await expect.poll(() => templates.locator('[data-testid=template-message]').textContent()).toMatch(/Template “eigen-lijst\.hbs” added \(SHA-256 [0-9a-f]{16}…\)/);
    await expect.poll(() => page.locator('[data-testid=template-row]').count()).toBe(1);
    await field('kind').selectOption('subprocessors');
    await field('language').selectOption('nl');
    await field('templateId').selectOption({ index: 1 });
    await generate();
    await expect.poll(() => historyRows().count()).toBe(before + 1);
    expect(await historyRows().first().textContent()).toMatch(/custom:[0-9a-f]{16}/);
    const custom = await download(() => form().getByTestId('download-pdf').click(), 'custom-nl.pdf');
    const text = pdfToText(custom);
    expect(squash(text)).toContain(squash(`Eigen lijst van ${ORG}`));
    expect(text).toContain('MailBridge');
    expect(text).toMatch(/Pagina 1 van 1/);
    await expect.poll(() => page.locator('[data-testid=preview]').getAttribute('data-drawn')).toBe('yes');
    await screenshot(page, 'documents-preview-custom', { locator: 'aside.preview canvas' });
    await page.screenshot({ path: join(ROOT, 'test-output/screenshots/documents-page-full.png'), fullPage: true });

    // A template that passed its check but meets data without that field at generation: nothing recorded.
    const stored = await ok<{ templates: { id: string }[] }>(sendFrom(page, 'documents.sources', {}));
    const prepared = await ok<{ view: object; source: string }>(
      sendFrom(page, 'documents.prepare', { kind: 'subprocessors', language: 'nl', templateId: stored.templates[0]!.id, fields: { date: '2026-03-02' } }),
    );
    expect(prepared.source).toContain('Eigen lijst');
    const refused = await sendFrom(page, 'documents.layout', { kind: 'subprocessors', language: 'de', templateId: stored.templates[0]!.id, input: {}, markdown: '# x' });
    expect(refused.error?.message).toContain('is a template for subprocessors (nl), not subprocessors (de)');
    expect(await historyRows().count()).toBe(before + 1);
  });

  it('generates a change notice, a response letter and a register report from the same form', async () => {
    const before = await historyRows().count();
    const daysAgo = (n: number) => new Date(testNow() - n * 86_400_000).toISOString().slice(0, 10);

    // The notice compares with the list version published when the Dutch list was generated.
    await field('kind').selectOption('subprocessor-notice');
    await field('language').selectOption('de');
    expect(await field('templateId').inputValue()).toBe('');
    expect(await field('previousVersionId').inputValue()).not.toBe('');
    await generate();
    const notice = pdfToText(await download(() => form().getByTestId('download-pdf').click(), 'notice-de.pdf'));
    expect(squash(notice)).toContain(squash(ORG));
    expect(notice).toMatch(/Seite 1 von \d+/);

    // An erasure letter in English.
    await field('kind').selectOption('dsar-response');
    await field('language').selectOption('en');
    await field('variant').selectOption('erasure');
    await field('request.type').selectOption('erasure');
    await field('recipient.name').fill('Giulia Rossi');
    await field('recipient.email').fill('giulia.rossi@example.it');
    await field('request.receivedOn').fill(daysAgo(10));
    await field('erasedOn').fill(daysAgo(1));
    await field('systems').fill('Helpdesk\nCRM');
    await generate();
    const letter = pdfToText(await download(() => form().getByTestId('download-pdf').click(), 'letter-en.pdf'));
    expect(letter).toContain('Giulia Rossi');
    expect(letter).toMatch(/Page 1 of \d+/);

    // The register report in Italian, with every activity (processor records: Art. 30(2)).
    await field('kind').selectOption('register');
    await field('language').selectOption('it');
    await generate();
    const register = pdfToText(await download(() => form().getByTestId('download-pdf').click(), 'register-it.pdf'));
    expect(squash(register)).toContain(squash('Kundensupport im Helpdesk'));
    expect(squash(register)).toContain(squash('Zufriedenheitsumfragen'));
    expect(register).toMatch(/Pagina 1 di \d+/);
    await expect.poll(() => historyRows().count()).toBe(before + 3);
  });

  it('is linked from the side panel header and the settings page', async () => {
    const panel = await ext.context.newPage();
    await panel.setViewportSize({ width: 420, height: 700 });
    await panel.goto(ext.extensionUrl('sidepanel.html'));
    const link = panel.locator('header [data-testid=open-documents]');
    expect(await link.getAttribute('href')).toBe('/documents.html');
    await screenshot(panel, 'documents-link-sidepanel', { locator: 'header' });
    const opened = ext.context.waitForEvent('page');
    await link.click();
    const documents = await opened;
    await documents.waitForLoadState();
    expect(documents.url()).toBe(ext.extensionUrl('documents.html'));
    await documents.close();
    await panel.goto(ext.extensionUrl('options.html'));
    expect(await panel.locator('[data-section=documents] [data-testid=open-documents]').getAttribute('href')).toBe('/documents.html');
    await panel.close();
  });

  it('allows eval only in the sandboxed template page', async () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      sandbox?: { pages: string[] };
      content_security_policy: Record<string, string>;
    };
    expect(manifest.sandbox?.pages).toEqual(['templates.html']);
    expect(manifest.content_security_policy.sandbox).toContain("'unsafe-eval'");
    for (const [key, csp] of Object.entries(manifest.content_security_policy)) if (key !== 'sandbox') expect(csp, key).not.toMatch(/unsafe-eval|wasm-unsafe-eval/);
    // The documents page itself cannot compile: its scripts run under the extension-page CSP.
    const evalled = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__pdEval = (() => { try { return String(new Function("return 1")()); } catch (e) { return e.name; } })();';
      document.head.append(script);
      return (window as unknown as { __pdEval?: string }).__pdEval ?? 'inline script blocked';
    });
    expect(evalled).toBe('inline script blocked');
  });
});
