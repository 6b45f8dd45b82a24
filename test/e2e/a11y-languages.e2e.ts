// The UI in Dutch, German and Italian: Chromium started with --lang=<xx> shows our strings in that
// language, marks the pages with it (screen readers pick their voice from `lang`, WCAG 3.1.1), and writes
// deadlines and counts the way that language does ("22. Dez. 2026", "22 dec 2026", "22 dic 2026").
import { describe, expect, inject, it } from 'vitest';
import { launchExtension, screenshot, sendFrom, waitForContentScriptRegistration } from './harness';

const origin = inject('origin');

const LANGUAGES = [
  {
    lang: 'de',
    flag: 'Als Anfrage markieren',
    recorded: 'Anfrage erfasst, gesetzliche Frist',
    queue: 'Anfragen',
    welcome: 'Willkommen bei Privacy Desk',
    // "22. Dez. 2026", "3. Mai 2027", "1. Sept. 2026"
    date: /^\d{1,2}\. (Jan|Feb|März|Apr|Mai|Juni|Juli|Aug|Sept|Okt|Nov|Dez)\.? \d{4}$/,
  },
  {
    lang: 'nl',
    flag: 'Markeren als verzoek',
    recorded: 'Verzoek vastgelegd, wettelijke termijn',
    queue: 'Wachtrij',
    welcome: 'Welkom bij Privacy Desk',
    date: /^\d{1,2} (jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)\.? \d{4}$/,
  },
  {
    lang: 'it',
    flag: 'Segna come richiesta',
    recorded: 'Richiesta registrata, termine di legge',
    queue: 'Coda',
    welcome: 'Benvenuto in Privacy Desk',
    date: /^\d{1,2} (gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic) \d{4}$/,
  },
] as const;

describe('the UI in other languages', () => {
  for (const l of LANGUAGES) {
    it(`${l.lang}: strings, page language, and dates in the ${l.lang} format`, async () => {
      const ext = await launchExtension({ lang: l.lang });
      try {
        await waitForContentScriptRegistration(ext.worker);
        const page = await ext.context.newPage();
        await page.goto(`${origin}/tickets/1042`);
        const overlay = page.locator('privacy-desk-overlay .pd');
        await overlay.getByRole('button', { name: l.flag }).click({ timeout: 10_000 });
        const status = overlay.locator('[role=status]');
        await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain(l.recorded);
        const overlayDate = (await status.textContent())!.slice(l.recorded.length).trim();
        expect(overlayDate).toMatch(l.date);
        await screenshot(page, `lang-${l.lang}-overlay`, { locator: 'privacy-desk-overlay' });

        const panel = await ext.context.newPage();
        await panel.setViewportSize({ width: 420, height: 640 });
        await panel.goto(ext.extensionUrl('sidepanel.html'));
        expect(await panel.evaluate(() => document.documentElement.lang)).toBe(l.lang);
        expect(await panel.getByRole('tab', { selected: true }).textContent()).toBe(l.queue);
        const due = panel.getByTestId('queue-row').first().getByTestId('due');
        await due.waitFor({ timeout: 10_000 });
        const [queueDate] = (await due.innerText()).split('\n');
        expect(queueDate).toBe(overlayDate);
        // The same day as the stored instant, in this machine's time zone.
        const stored = (await sendFrom(panel, 'requests.query', {})) as { data: { items: { effectiveDueAt: string }[] } };
        const dueAt = new Date(stored.data.items[0]!.effectiveDueAt);
        expect(queueDate).toContain(String(dueAt.getDate()));
        expect(queueDate).toContain(String(dueAt.getFullYear()));
        await screenshot(panel, `lang-${l.lang}-sidepanel`);

        await panel.goto(ext.extensionUrl('welcome.html'));
        expect(await panel.getByRole('heading', { level: 1 }).textContent()).toBe(l.welcome);
        expect(await panel.evaluate(() => document.documentElement.lang)).toBe(l.lang);
      } finally {
        await ext.close();
      }
    });
  }
});
