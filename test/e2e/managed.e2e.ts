// Admin deployment for real: Chromium started with an enterprise policy file for the extension
// (/etc/chromium/policies/managed/*.json, "3rdparty" → "extensions" → id) pre-sets the organisation
// profile; the options page shows those fields read-only as managed; the background keeps them on save.
//
// The policy names the extension by id, so the test loads a copy of the test build with a manifest
// `key` made for this run: a stable id known before launch, and one no other test's browser has (a
// policy file is machine-wide while it exists). The file is removed afterwards whatever happens.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, launchExtension, screenshot, sendFrom, type Launched } from './harness';

const POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';

/** A copy of the build whose id is fixed by a fresh RSA key (id = first 128 bits of SHA-256(SPKI), a–p). */
function keyedCopy(): { dir: string; id: string } {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const id = [...createHash('sha256').update(der).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
  const dir = mkdtempSync(join(tmpdir(), 'pd-managed-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, key: der.toString('base64') }));
  return { dir, id };
}

const POLICY = {
  organisation: {
    legalName: 'Acme Managed BV',
    role: 'processor',
    address: { street: 'Keizersgracht 1', postalCode: '1015 CJ', city: 'Amsterdam', country: 'NL' },
    country: 'NL',
    dpo: { name: 'Dana Policy', email: 'dpo@acme.example' },
    supervisoryAuthority: { name: 'Autoriteit Persoonsgegevens', country: 'NL' },
  },
  defaultLanguage: 'nl',
  timeZone: 'Europe/Amsterdam',
  helpdeskOrigins: ['https://acme.zendesk.com', 'ftp://not-a-helpdesk.example'],
  showWelcome: true,
  teamServer: 'https://privacy-team.acme.example',
};

let ext: Launched | undefined;
let copy: { dir: string; id: string } | undefined;
let policyFile: string | undefined;
let welcome: Page | undefined;

beforeAll(async () => {
  copy = keyedCopy();
  policyFile = join(POLICY_DIR, `privacy-desk-test-${process.pid}.json`);
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [copy.id]: POLICY } } }));
  } catch (error) {
    policyFile = undefined;
    throw new Error(
      `Cannot write the Chromium policy file in ${POLICY_DIR} (${(error as NodeJS.ErrnoException).code ?? String(error)}). ` +
        'This test needs root, as CI has: run it as root, or point CHROMIUM_POLICY_DIR at the policy directory Chromium reads.',
    );
  }
  const launched = await launchExtension({ extensionDir: copy.dir });
  ext = launched;
  // The policy asks for the first-run page: the background opens it on install.
  const isWelcome = (p: Page) => p.url().endsWith('/welcome.html');
  welcome = launched.context.pages().find(isWelcome) ?? (await launched.context.waitForEvent('page', { predicate: isWelcome, timeout: 10_000 }));
});

afterAll(async () => {
  if (policyFile) rmSync(policyFile, { force: true });
  await ext?.close();
  if (copy) rmSync(copy.dir, { recursive: true, force: true });
});

describe('organisation policy in Chromium (storage.managed)', () => {
  it('loads the extension under the id the policy names', () => {
    expect(ext!.extensionId).toBe(copy!.id);
  });

  it('pre-sets the organisation profile through the audited writer, with the policy’s language and time zone', async () => {
    const page = await ext!.context.newPage();
    await page.goto(ext!.extensionUrl('sidepanel.html'));
    await expect
      .poll(async () => ((await sendFrom(page, 'organisation.get', {})).data as { legalName?: string } | null)?.legalName, { timeout: 10_000 })
      .toBe('Acme Managed BV');
    const profile = (await sendFrom(page, 'organisation.get', {})).data as Record<string, unknown>;
    expect(profile).toMatchObject({ role: 'processor', defaultLanguage: 'nl', timeZone: 'Europe/Amsterdam', dpo: { email: 'dpo@acme.example' } });
    const managed = (await sendFrom(page, 'managed.get', {})).data as { fields: string[]; helpdeskOrigins: string[]; problems: string[]; locked: boolean };
    expect(managed.locked).toBe(true);
    expect(managed.fields).toEqual(expect.arrayContaining(['legalName', 'role', 'dpo', 'defaultLanguage', 'timeZone']));
    expect(managed.helpdeskOrigins).toEqual(['https://acme.zendesk.com']);
    expect(managed.problems).toEqual([expect.stringContaining('helpdeskOrigins.1')]);

    // A page cannot change a locked field: the background puts the policy's value back.
    const saved = await sendFrom(page, 'organisation.save', { profile: { ...profile, legalName: 'Someone Else Ltd', region: 'NL-NH' } });
    expect(saved.ok).toBe(true);
    expect(saved.data).toMatchObject({ legalName: 'Acme Managed BV', region: 'NL-NH' });
    await page.close();
  });

  it('shows the managed fields read-only in the options page, with the note, the helpdesks and the ignored value', async () => {
    const page = await ext!.context.newPage();
    await page.goto(ext!.extensionUrl('options.html'));
    const form = page.getByTestId('org-form');
    const legalName = form.getByRole('textbox', { name: /Legal name/ });
    await expect.poll(() => legalName.inputValue(), { timeout: 10_000 }).toBe('Acme Managed BV');
    expect(await legalName.getAttribute('readonly')).not.toBeNull();
    expect(await form.getByRole('textbox', { name: /DPO e-mail/ }).getAttribute('readonly')).not.toBeNull();
    expect(await form.getByRole('combobox', { name: /Role under the GDPR/ }).isDisabled()).toBe(true);
    // Not managed: still editable.
    expect(await form.getByRole('textbox', { name: /Region for holidays/ }).getAttribute('readonly')).toBeNull();
    expect(await form.getByTestId('managed-note').textContent()).toContain('managed');
    expect(await legalName.getAttribute('aria-describedby')).toBe('org-managed-note');

    const notice = page.getByTestId('managed-notice');
    expect(await notice.getByRole('heading').textContent()).toBe('Managed by your organisation');
    expect(await notice.locator('[data-origin="https://acme.zendesk.com"]').getByRole('button').textContent()).toBe('Allow Privacy Desk on this helpdesk');
    expect(await notice.getByTestId('managed-problems').textContent()).toContain('helpdeskOrigins.1');
    await screenshot(page, 'options-managed');
    await page.close();
  });

  it('shows the team server the policy presets in Options → Team, and refuses an invite for another server', async () => {
    const page = await ext!.context.newPage();
    await page.goto(ext!.extensionUrl('options.html#team'));
    const team = page.getByTestId('team');
    await expect.poll(() => team.getByTestId('team-policy-server').textContent(), { timeout: 10_000 }).toBe('Team server set by your organisation: https://privacy-team.acme.example');
    // An invite for another server (here one on loopback that does not even run): refused before any call.
    const invite = { v: 1, url: 'http://127.0.0.1:9', token: 'a'.repeat(43) };
    await team.locator('input[name=team-name]').fill('Alex Agent');
    await team.locator('textarea[name=team-code]').fill(`pd-invite:${Buffer.from(JSON.stringify(invite)).toString('base64url')}`);
    await team.getByRole('button', { name: 'Join the team' }).click();
    await expect
      .poll(() => team.getByTestId('team-message').textContent(), { timeout: 10_000 })
      .toBe('This invite is for the team server http://127.0.0.1:9, but your organisation only allows the team server https://privacy-team.acme.example. Ask your DPO for an invite on that server.');
    expect(((await sendFrom(page, 'team.status', {})).data as { joined: boolean }).joined).toBe(false);
    await page.close();
  });

  it('opened the first-run page on install, with the managed profile already filled in', async () => {
    const legalName = welcome!.getByRole('textbox', { name: /Legal name/ });
    await expect.poll(() => legalName.inputValue(), { timeout: 10_000 }).toBe('Acme Managed BV');
    expect(await legalName.getAttribute('readonly')).not.toBeNull();
    // The policy's helpdesk is offered in the helpdesk step.
    await welcome!.getByRole('button', { name: 'Skip this step' }).click();
    await expect.poll(() => welcome!.getByTestId('welcome-origins').textContent()).toContain('https://acme.zendesk.com');
  });
});
