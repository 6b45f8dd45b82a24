// The first-run page: organisation profile → first helpdesk origin → done. (That the background opens
// it on install is proven in managed.e2e.ts, whose policy asks for it; the test flavour otherwise starts
// without it so the other tests get a clean browser.)
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension, screenshot, sendFrom, type Launched } from './harness';

let ext: Launched;
const origin = inject('origin');

beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => ext?.close());

describe('first-run page', () => {
  it('does not open in the test flavour unless asked', async () => {
    await new Promise((r) => setTimeout(r, 500));
    expect(ext.context.pages().map((p) => p.url()).filter((u) => u.includes('welcome.html'))).toEqual([]);
  });

  it('walks through the organisation profile, a helpdesk origin and the shortcuts', async () => {
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('welcome.html'));
    await page.getByTestId('welcome-step-1').waitFor();
    expect(await page.locator('[aria-current=step]').textContent()).toContain('Your organisation');
    await screenshot(page, 'welcome-1');

    // Step 1: the same profile form as the options page.
    const form = page.getByTestId('org-form');
    await form.getByLabel('Legal name').fill('Studio Verde S.r.l.');
    await form.getByLabel('Role under the GDPR').selectOption('processor');
    await form.getByLabel('Street and number').fill('Via Roma 1');
    await form.getByLabel('Postal code').fill('20121');
    await form.getByLabel('City').fill('Milano');
    await form.getByLabel('Country (ISO code)').fill('it');
    await form.getByLabel('Time zone').fill('Europe/Rome');
    await form.getByLabel('DPO name').fill('Giulia Bianchi');
    await form.getByLabel('DPO e-mail').fill('dpo@studioverde.example');
    await form.getByLabel('Supervisory authority').fill('Garante per la protezione dei dati personali');
    await form.getByLabel('Default document language').selectOption('it');
    await form.getByRole('button', { name: 'Save' }).click();

    // Step 2, with focus on its heading.
    await page.getByTestId('welcome-step-2').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('step-title');
    const saved = (await sendFrom(page, 'organisation.get', {})).data as { legalName: string; country: string; defaultLanguage: string };
    expect(saved).toMatchObject({ legalName: 'Studio Verde S.r.l.', country: 'IT', defaultLanguage: 'it' });

    // A nonsense address is refused before the browser is asked.
    const address = page.getByLabel('Helpdesk address');
    await address.fill('not a helpdesk');
    await page.getByRole('button', { name: 'Allow Privacy Desk on this helpdesk' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('Enter an address like https://support.example.com');
    // An origin the test build already holds is granted without a prompt (a new one would prompt,
    // which a headless browser cannot answer); the path is dropped, the origin listed as allowed.
    await address.fill(`${origin}/tickets/1042`);
    await page.getByRole('button', { name: 'Allow Privacy Desk on this helpdesk' }).click();
    const listed = page.locator(`[data-origin="${origin}"]`);
    await expect.poll(() => listed.textContent()).toContain('allowed');
    expect(await address.inputValue()).toBe('');
    await screenshot(page, 'welcome-2');
    await page.getByRole('button', { name: 'Next' }).click();

    // Step 3: the keyboard shortcuts as the browser has them, and the way on.
    await page.getByTestId('welcome-step-3').waitFor();
    await expect.poll(() => page.getByTestId('welcome-shortcuts').textContent()).toContain('Alt+Shift+F');
    expect(await page.getByTestId('welcome-shortcuts').textContent()).toContain('Alt+Shift+D');
    expect(await page.getByRole('link', { name: 'Open the settings' }).getAttribute('href')).toBe('/options.html');
    expect(await page.getByRole('link', { name: 'Open the request queue' }).getAttribute('href')).toBe('/sidepanel.html');
    await screenshot(page, 'welcome-3');
    await page.close();
  });

  it('skipping every step leaves nothing stored', async () => {
    const fresh = await launchExtension();
    try {
      const page = await fresh.context.newPage();
      await page.goto(fresh.extensionUrl('welcome.html'));
      await page.getByRole('button', { name: 'Skip this step' }).click();
      await page.getByTestId('welcome-step-2').waitFor();
      await page.getByRole('button', { name: /^(Next|Skip this step)$/ }).click();
      await page.getByTestId('welcome-step-3').waitFor();
      expect((await sendFrom(page, 'organisation.get', {})).data).toBeNull();
    } finally {
      await fresh.close();
    }
  });
});
