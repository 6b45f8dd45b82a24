// Accessibility and dark mode: axe-core on every extension page (side panel views, request detail,
// options, documents, first-run steps) and inside the overlay's shadow root, in the light and the dark
// colour scheme. No serious or critical violation may remain. Each state is also screenshotted in both
// schemes (test-output/screenshots/ui-*-light|dark.png) for a person to look at and for the user guide.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension, screenshot, sendFrom, waitForContentScriptRegistration, type Launched } from './harness';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCHEMES = ['light', 'dark'] as const;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe in the page (evaluated through the DevTools protocol, so the extension pages' CSP does not
 * block it) on `include` — a selector, or the overlay's shadow root — and returns what it found.
 */
async function axe(page: Page, include: unknown = 'body'): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (context) => {
    const run = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: Violation[] }> } }).axe.run;
    const result = await run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, resultTypes: ['violations'] });
    return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })) }));
  }, include);
}

const describeViolations = (vs: Violation[]) =>
  vs.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary?.split('\n').join(' ') ?? ''}`).join('\n')}`).join('\n');

/** Checks the state shown now in both colour schemes, screenshots each, fails on serious or critical. */
async function check(page: Page, name: string, include?: unknown, shot?: { locator: string }) {
  const found: string[] = [];
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    // Let transitions and late renders settle before measuring colours.
    await page.waitForTimeout(150);
    await screenshot(page, `ui-${name}-${scheme}`, shot);
    const violations = await axe(page, include);
    const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const others = violations.filter((v) => !blocking.includes(v));
    if (others.length) console.log(`axe ${name} (${scheme}), minor/moderate:\n${describeViolations(others)}`);
    if (blocking.length) found.push(`${name} (${scheme}):\n${describeViolations(blocking)}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  expect(found.join('\n'), 'serious or critical axe violations').toBe('');
}

let ext: Launched;
const origin = inject('origin');

beforeAll(async () => {
  ext = await launchExtension();
  await waitForContentScriptRegistration(ext.worker);
  // Two requests in the queue, so its rows and a request's detail exist whatever test runs first.
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('sidepanel.html'));
  for (const [ticketId, name, email, type] of [
    ['2001', 'Sabine Müller', 'sabine.mueller@example.de', 'erasure'],
    ['2002', 'Niccolò Ferraù', 'niccolo@example.it', 'access'],
  ] as const) {
    const ticket = { helpdesk: 'demo', ticketId, ticketUrl: `${origin}/tickets/${ticketId}`, subject: 'Request', requesterName: name, requesterEmail: email, messages: [{ author: 'customer', text: 'Please act on my data.' }] };
    const reply = await sendFrom(page, 'overlay.flag', { ticket, type });
    if (!reply.ok) throw new Error(`seeding failed: ${reply.error?.message}`);
  }
  // A deleted subprocessor, so "Recently deleted" shows a row with its Restore button.
  const sub = await sendFrom(page, 'subprocessors.save', {
    subprocessor: { name: 'Mailer GmbH', legalEntity: 'Mailer GmbH', purpose: 'E-mail delivery', dataCategories: ['contact details'], locations: ['DE'], transferMechanism: 'scc', addedOn: '2025-01-05' },
  });
  if (!sub.ok || !(await sendFrom(page, 'subprocessors.delete', { id: (sub.data as { id: string }).id })).ok) throw new Error('seeding a deleted subprocessor failed');
  await page.close();
});
afterAll(async () => ext?.close());

describe('accessibility (axe-core) and dark mode', () => {
  it('overlay on a ticket, before and after flagging, with the recording forms open', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${origin}/tickets/1042`);
    const overlay = page.locator('privacy-desk-overlay .pd');
    await overlay.waitFor({ timeout: 10_000 });
    await expect.poll(() => overlay.locator('[data-testid=records]').textContent()).not.toContain('…');
    // The whole ticket page once, for the user guide (scripts/guide-screenshots.mjs).
    await screenshot(page, 'ui-ticket-light');
    // The overlay only: the demo helpdesk around it is not ours to judge.
    const inOverlay = { include: [['privacy-desk-overlay']] };
    await check(page, 'overlay', inOverlay, { locator: 'privacy-desk-overlay' });
    await overlay.getByRole('button', { name: 'Flag as request' }).click();
    await expect.poll(() => overlay.locator('[role=status]').textContent()).toContain('Request recorded');
    await check(page, 'overlay-flagged', inOverlay, { locator: 'privacy-desk-overlay' });
    await overlay.locator('[data-testid=more]').click();
    for (const name of ['Record consent', 'Log processing event']) await overlay.getByRole('button', { name, exact: true }).click();
    await expect.poll(() => overlay.locator('form, [role=alert]').count()).toBeGreaterThan(0);
    await check(page, 'overlay-forms', inOverlay, { locator: 'privacy-desk-overlay' });
    await page.close();
  });

  it('side panel: every view, and a request in detail', async () => {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 420, height: 820 });
    await page.goto(ext.extensionUrl('sidepanel.html'));
    await page.getByTestId('queue-row').first().getByRole('button').waitFor({ timeout: 10_000 });
    await check(page, 'sidepanel-queue');
    await page.getByTestId('queue-row').first().getByRole('button').click();
    await page.getByTestId('request-detail').waitFor();
    await check(page, 'sidepanel-request');
    for (const tab of await page.getByRole('tab').all()) {
      const id = (await tab.getAttribute('id'))!.replace(/^tab-/, '');
      if (id === 'queue') continue;
      await tab.click();
      await page.waitForTimeout(300);
      await check(page, `sidepanel-${id}`);
      // The editors behind a view's "new" button, where most of the fields are.
      const editor = page.getByRole('button', { name: /^(New activity|New purpose|Record a breach)$/ });
      if (await editor.count()) {
        await editor.first().click();
        await page.waitForTimeout(300);
        await check(page, `sidepanel-${id}-new`);
      }
    }
    // A breach in detail: the clock, the facts form, the decision, the documents.
    const created = (await sendFrom(page, 'breaches.create', { title: 'Lost laptop' })) as { data: { id: string } };
    await page.goto(ext.extensionUrl(`sidepanel.html?view=breaches&breach=${created.data.id}`));
    await page.getByTestId('breach-detail').waitFor();
    await check(page, 'sidepanel-breach');
    await page.close();
  });

  it('options page', async () => {
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('options.html'));
    await page.getByTestId('org-form').waitFor();
    await page.waitForTimeout(300);
    await check(page, 'options');
    await page.close();
  });

  it('documents page', async () => {
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('documents.html'));
    await page.locator('#h-new').waitFor();
    await page.waitForTimeout(500);
    await check(page, 'documents');
    await page.close();
  });

  it('first-run page, every step', async () => {
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('welcome.html'));
    await page.getByTestId('welcome-step-1').waitFor();
    await check(page, 'welcome-1');
    await page.getByRole('button', { name: 'Skip this step' }).click();
    await page.getByTestId('welcome-step-2').waitFor();
    await check(page, 'welcome-2');
    await page.getByRole('button', { name: /^(Next|Skip this step)$/ }).click();
    await page.getByTestId('welcome-step-3').waitFor();
    await page.waitForTimeout(200);
    await check(page, 'welcome-3');
    await page.close();
  });
});
