// The organisation's policy in Firefox for real: firefox-esr started with /etc/firefox/policies/
// policies.json ("3rdparty" → "Extensions" → add-on id) hands it to the add-on's storage.managed; the
// background saves the organisation profile and, as the policy asks, opens the first-run page, whose
// profile form shows the managed fields read-only. (BiDi cannot navigate to moz-extension:// pages,
// but it can read one the extension opened itself.) The file is removed afterwards whatever happens.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, type LaunchedFirefox } from './harness';

const POLICY_DIR = process.env.FIREFOX_POLICY_DIR ?? '/etc/firefox/policies';
const POLICY_FILE = join(POLICY_DIR, 'policies.json');

const ORGANISATION = {
  legalName: 'Acme Firefox BV',
  role: 'controller',
  address: { street: 'Oudegracht 1', postalCode: '3511 AA', city: 'Utrecht', country: 'NL' },
  country: 'NL',
  dpo: { name: 'Femke Policy', email: 'dpo@acme-firefox.example' },
  supervisoryAuthority: { name: 'Autoriteit Persoonsgegevens', country: 'NL' },
};

let ff: LaunchedFirefox | undefined;
let wrote = false;
let welcome: Page | undefined;

beforeAll(async () => {
  if (existsSync(POLICY_FILE)) throw new Error(`${POLICY_FILE} exists already: this test will not overwrite an administrator's Firefox policy. Move it away first.`);
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(POLICY_FILE, JSON.stringify({ policies: { '3rdparty': { Extensions: { 'privacy-desk@example.org': { organisation: ORGANISATION, defaultLanguage: 'de', timeZone: 'Europe/Berlin', showWelcome: true } } } } }));
    wrote = true;
  } catch (error) {
    throw new Error(
      `Cannot write the Firefox policy file ${POLICY_FILE} (${(error as NodeJS.ErrnoException).code ?? String(error)}). ` +
        'This test needs root, as CI has: run it as root, or point FIREFOX_POLICY_DIR at the policy directory firefox-esr reads.',
    );
  }
  ff = await launchFirefox();
  // The background opens the first-run page because the policy says so (the test flavour otherwise does not).
  for (let i = 0; i < 40 && !welcome; i += 1) {
    for (const page of await ff.browser.pages()) if ((await page.title().catch(() => '')).includes('Welcome')) welcome = page;
    if (!welcome) await new Promise((r) => setTimeout(r, 250));
  }
});

afterAll(async () => {
  if (wrote) rmSync(POLICY_FILE, { force: true });
  await ff?.close();
});

/** Sends a protocol message from an extension page, as the options page would. */
function send(page: Page, type: string, payload: unknown) {
  return page.evaluate(
    (t, p) => (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; data?: unknown }> } } }).browser.runtime.sendMessage({ pd: 1, type: t, payload: p }),
    type,
    payload,
  );
}

describe('organisation policy in Firefox (policies.json → storage.managed)', () => {
  it('opened the first-run page, as the policy asks', () => {
    expect(welcome, 'no first-run page opened: did Firefox pass the policy to the add-on?').toBeDefined();
  });

  it('saved the managed organisation profile with the policy’s language and time zone', async () => {
    let profile: Record<string, unknown> | null = null;
    for (let i = 0; i < 20 && !profile; i += 1) {
      profile = ((await send(welcome!, 'organisation.get', {})).data as Record<string, unknown> | null) ?? null;
      if (!profile) await new Promise((r) => setTimeout(r, 250));
    }
    expect(profile).toMatchObject({ legalName: 'Acme Firefox BV', defaultLanguage: 'de', timeZone: 'Europe/Berlin', dpo: { email: 'dpo@acme-firefox.example' } });
    const managed = (await send(welcome!, 'managed.get', {})).data as { locked: boolean; fields: string[]; problems: string[] };
    expect(managed.locked).toBe(true);
    expect(managed.problems).toEqual([]);
    expect(managed.fields).toEqual(expect.arrayContaining(['legalName', 'dpo', 'defaultLanguage', 'timeZone']));
  });

  it('shows the managed fields read-only with the note', async () => {
    const field = () =>
      welcome!.evaluate(() => {
        const input = document.querySelector<HTMLInputElement>('input[name=legalName]');
        return { value: input?.value, readOnly: input?.readOnly, note: document.querySelector('[data-testid=managed-note]')?.textContent ?? '' };
      });
    await expect.poll(async () => (await field()).value, { timeout: 10_000 }).toBe('Acme Firefox BV');
    expect(await field()).toMatchObject({ readOnly: true, note: expect.stringContaining('managed') });
  });
});
