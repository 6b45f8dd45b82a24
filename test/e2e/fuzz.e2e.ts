// Message fuzzing in Chromium: a batch of random and malformed messages (fast-check, fixed seed) sent from
// the content script's isolated world on a helpdesk page each gets a typed error, and afterwards the
// database on the extension's origin is exactly as empty as before — the side panel's audit status
// says "0 entries". The page's own world cannot reach the extension at all.
import fc from 'fast-check';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MESSAGES } from '../../lib/messaging/protocol';
import { launchExtension, waitForContentScriptRegistration, type Launched } from './harness';

let ext: Launched;
const origin = inject('origin');

beforeAll(async () => {
  ext = await launchExtension();
  await waitForContentScriptRegistration(ext.worker);
});
afterAll(async () => ext?.close());

const ticket = { helpdesk: 'demo', ticketId: '1042', ticketUrl: 'http://localhost/tickets/1042', subject: 'x', requesterEmail: 'jan@example.nl', messages: [] };
// Opening the side panel from the overlay is allowed and opens a tab: not part of a write-fuzz.
const TYPES = Object.keys(MESSAGES).filter((t) => t !== 'overlay.openSidePanel');
const anyValue = fc.anything({ maxDepth: 3, withBoxedValues: false, withTypedArray: true, withSparseArray: true, withNullPrototype: true });
const batch = fc.sample(
  fc.oneof(
    anyValue,
    fc.record({ pd: fc.oneof(fc.constant(1), anyValue), type: fc.oneof(fc.string(), fc.constantFrom(...TYPES)), payload: anyValue }, { requiredKeys: [] }),
    fc.record({ pd: fc.constant(1), type: fc.constantFrom(...TYPES), payload: anyValue }),
    // Well-formed privileged payloads: refused because of who sends them.
    fc.constantFrom(
      { pd: 1, type: 'organisation.save', payload: { profile: {} } },
      { pd: 1, type: 'settings.save', payload: { actorName: 'Mallory' } },
      { pd: 1, type: 'trust.enable', payload: { passphrase: 'a long passphrase' } },
      { pd: 1, type: 'backup.create', payload: {} },
      { pd: 1, type: 'requests.transition', payload: { id: 'r1', to: 'completed' } },
    ),
    // Overlay messages broken in one field.
    fc.constantFrom(
      { pd: 1, type: 'overlay.flag', payload: { ticket: { ...ticket, ticketUrl: 'javascript:alert(1)' }, type: 'access' } },
      { pd: 1, type: 'overlay.flag', payload: { ticket, type: 'everything' } },
      { pd: 1, type: 'overlay.recordConsent', payload: { ticket, purposeId: 'p1', quote: 'x'.repeat(5001), channel: 'ticket' } },
      { pd: 1, type: 'overlay.logEvent', payload: { ticket: { ...ticket, helpdesk: 'myspace' }, activityId: 'a1', type: 'viewed', description: '' } },
      { pd: 2, type: 'overlay.flag', payload: { ticket, type: 'access' } },
    ),
  ),
  { numRuns: 400, seed: 6 },
  // Messages travel as JSON: what the page could really send.
).map((m) => JSON.parse(JSON.stringify(m === undefined ? null : m)) as unknown);

async function isolatedWorld(page: Page): Promise<{ evaluate(expression: string): Promise<unknown>; detach(): Promise<void> }> {
  const cdp = await ext.context.newCDPSession(page);
  const contexts: Array<{ id: number; auxData?: { type?: string }; name?: string }> = [];
  cdp.on('Runtime.executionContextCreated', (event: { context: (typeof contexts)[number] }) => void contexts.push(event.context));
  await cdp.send('Runtime.enable');
  await expect.poll(() => contexts.some((c) => c.auxData?.type === 'isolated' && c.name)).toBe(true);
  const id = contexts.find((c) => c.auxData?.type === 'isolated' && c.name)!.id;
  return {
    evaluate: async (expression) => ((await cdp.send('Runtime.evaluate', { contextId: id, awaitPromise: true, returnByValue: true, expression })) as { result: { value: unknown } }).result.value,
    detach: () => cdp.detach(),
  };
}

describe('message fuzzing from a helpdesk page', () => {
  it(`${batch.length} random and malformed messages from the content script get typed errors and write nothing`, async () => {
    const page = await ext.context.newPage();
    await page.goto(`${origin}/tickets/1042`);
    await expect.poll(() => page.locator('privacy-desk-overlay').count(), { timeout: 10_000 }).toBe(1);
    const world = await isolatedWorld(page);
    const replies = (await world.evaluate(`(async () => {
      const out = [];
      for (const message of ${JSON.stringify(batch)}) {
        try { out.push(await chrome.runtime.sendMessage(message)); } catch (e) { out.push({ thrown: String(e) }); }
      }
      return out;
    })()`)) as Array<{ ok?: boolean; error?: { code: string; message: string }; thrown?: string }>;
    await world.detach();
    expect(replies).toHaveLength(batch.length);
    const codes: Record<string, number> = {};
    replies.forEach((reply, i) => {
      const type = (batch[i] as { type?: unknown } | null)?.type;
      if (reply?.ok === true) {
        // Only reading messages may succeed for a helpdesk page.
        expect(['overlay.lookup', 'overlay.choices'], JSON.stringify(batch[i])).toContain(type);
        return;
      }
      expect(reply, JSON.stringify(batch[i])).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(invalid-message|forbidden)$/), message: expect.any(String) } });
      codes[reply.error!.code] = (codes[reply.error!.code] ?? 0) + 1;
    });
    expect(codes['forbidden']).toBeGreaterThan(20);
    expect(codes['invalid-message']).toBeGreaterThan(20);

    // Nothing was written: every table is still empty, and the side panel says so.
    const panel = await ext.context.newPage();
    await panel.goto(ext.extensionUrl('sidepanel.html'));
    await expect.poll(() => panel.locator('[data-testid=audit-status]').textContent()).toMatch(/Audit trail verified: 0 entries/);
    const counts = await panel.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const req = indexedDB.open('privacy-desk');
        req.onsuccess = () => resolve(req.result);
      });
      const out: Record<string, number> = {};
      for (const name of [...db.objectStoreNames].filter((n) => n !== 'settings'))
        out[name] = await new Promise<number>((resolve) => {
          const req = db.transaction(name).objectStore(name).count();
          req.onsuccess = () => resolve(req.result);
        });
      db.close();
      return out;
    });
    expect(Object.values(counts).every((n) => n === 0), JSON.stringify(counts)).toBe(true);
    expect(Object.keys(counts)).toContain('audit');
    await panel.close();
    await page.close();
  });

  it('the helpdesk page itself cannot message the extension (no externally_connectable)', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${origin}/tickets/1042`);
    const reachable = await page.evaluate(() => {
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
      return typeof runtime?.sendMessage === 'function';
    });
    expect(reachable).toBe(false);
    await page.close();
  });
});
