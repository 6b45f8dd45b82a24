// Fuzzing the message surface with the real handlers over a real (fake-indexeddb) database: random and
// malformed messages from a helpdesk page's content script each get a typed error — never a crash, never
// an 'internal' — and nothing is written. While the passphrase lock is closed, even well-formed overlay
// messages answer 'locked' and write nothing.
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { TeamSync } from '../../lib/sync/engine';

// Handler groups that talk to the browser import webextension-polyfill, which refuses to load outside
// an extension: a stub that answers every call with an empty result stands in for it.
vi.mock('webextension-polyfill', () => {
  const stub: unknown = new Proxy(function () {}, {
    get: (_t, key) => (key === 'then' ? undefined : stub),
    apply: () => Promise.resolve({}),
  });
  return { default: stub };
});

const { createRepositories } = await import('../../lib/db/repositories');
const { openDatabase } = await import('../../lib/db/schema');
const { createHandlers } = await import('../../entrypoints/background/handlers/index');
const { mapError } = await import('../../entrypoints/background/errors');
const { createDispatcher } = await import('../../lib/messaging/server');
const { ERROR_CODES, MESSAGES, MessageError } = await import('../../lib/messaging/protocol');
const { PassphraseLock } = await import('../../lib/db/crypto/lock');
const { populate, fullDump } = await import('../backup/helpers');

const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT_ID}/`;
const contentScript = { id: EXT_ID, url: 'https://acme.zendesk.com/agent/tickets/1042', tab: { id: 7 } };
const strangers = [{ url: 'https://evil.example/' }, { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' }, {}, { id: EXT_ID }];

const Reply = z.union([z.object({ ok: z.literal(true), data: z.unknown() }).strict(), z.object({ ok: z.literal(false), error: MessageError.strict() }).strict()]);
/** Messages a content script may send that only read. Anything else answering ok would mean a write. */
const READ_ONLY = new Set(['overlay.lookup', 'overlay.choices', 'overlay.openSidePanel']);
const TYPES = Object.keys(MESSAGES);

async function world() {
  const repos = createRepositories(openDatabase(`fuzz-${crypto.randomUUID()}`), { now: () => new Date('2026-03-02T09:00:00.000Z') });
  await populate(repos);
  let changed = 0;
  const handlers = createHandlers(repos, {
    team: new TeamSync(repos),
    teamChanged: () => undefined,
    requestsChanged: () => void (changed += 1),
    openSidePanel: async () => true,
  } as Parameters<typeof createHandlers>[1]);
  const dispatch = createDispatcher(handlers, mapError, EXT_ID, ORIGIN);
  return { repos, dispatch, changes: () => changed };
}

const ticket = {
  helpdesk: 'zendesk',
  ticketId: '1042',
  ticketUrl: 'https://acme.zendesk.com/agent/tickets/1042',
  subject: 'Verzoek om inzage',
  requesterName: 'Jan de Vries',
  requesterEmail: 'jan@example.nl',
  messages: [{ author: 'customer', text: 'Ik wil inzage in mijn gegevens.' }],
};
/** Well-formed overlay payloads (each would write); the mutations below always break them. */
const VALID: Record<string, Record<string, unknown>> = {
  'overlay.flag': { ticket, type: 'access' },
  'overlay.recordConsent': { ticket, purposeId: 'p1', quote: 'yes', channel: 'ticket' },
  'overlay.logEvent': { ticket, activityId: 'a1', type: 'viewed', description: 'looked' },
  'overlay.lookup': { email: 'jan@example.nl', helpdesk: 'zendesk', ticketId: '1042' },
  'overlay.reportBreach': { ticket, awareAt: '2026-03-02T08:00:00.000Z' },
};

/**
 * Mutations that each make a well-formed payload invalid: a field of the payload replaced by a value its
 * schema refuses, or removed when required. Only applied to payloads that have the field (zod drops
 * unknown keys, so adding a foreign field would leave the payload valid).
 */
const breakers: Array<[field: string, value: unknown]> = [
  ['ticket', { ...ticket, ticketUrl: 'javascript:alert(1)' }],
  ['ticket', { ...ticket, ticketUrl: undefined }],
  ['ticket', { ...ticket, helpdesk: 'myspace' }],
  ['ticket', { ...ticket, requesterEmail: 'jan at example' }],
  ['ticket', { ...ticket, messages: 'hello' }],
  ['ticket', { ...ticket, messages: Array.from({ length: 501 }, () => ({ author: 'customer', text: 'x' })) }],
  ['ticket', { ...ticket, subject: 'x'.repeat(1001) }],
  ['ticket', { ...ticket, ticketId: '   ' }],
  ['ticket', [ticket]],
  ['ticket', undefined],
  ['email', 'nobody'],
  ['type', 'erase-everything'],
  ['quote', 'x'.repeat(5001)],
  ['description', 'x'.repeat(5001)],
  ['channel', 'carrier-pigeon'],
  ['purposeId', ''],
  ['activityId', 42],
  ['ticketId', 'x'.repeat(201)],
  ['helpdesk', undefined],
  ['helpdesk', { toString: 'zendesk' }],
  ['awareAt', '2026-03-02 08:00'],
];
const broken = fc
  .tuple(fc.constantFrom(...Object.keys(VALID)), fc.constantFrom(...breakers))
  .filter(([type, [field]]) => field === 'email' || field in VALID[type]!)
  .map(([type, [field, value]]) => ({ pd: 1, type, payload: { ...VALID[type], [field]: value } }));

const anyValue = fc.anything({ withBigInt: false, withBoxedValues: true, withNullPrototype: true, withObjectString: true, withTypedArray: true, withSparseArray: true, maxDepth: 3 });
const knownType = fc.constantFrom(...TYPES);
const message = fc.oneof(
  anyValue,
  fc.record({ pd: fc.oneof(fc.constant(1), anyValue), type: fc.oneof(fc.string(), knownType, anyValue), payload: anyValue }, { requiredKeys: [] }),
  fc.record({ pd: fc.constant(1), type: knownType, payload: anyValue }),
  fc.record({ pd: fc.constant(1), type: fc.constantFrom(...TYPES.map((t) => ` ${t}`), ...TYPES.map((t) => t.toUpperCase()), '__proto__', 'constructor', 'toString', 'hasOwnProperty'), payload: anyValue }),
  broken,
  // Prototype pollution attempts in the payload.
  fc.constantFrom(...Object.keys(VALID)).map((type) => ({ pd: 1, type, payload: JSON.parse('{"__proto__":{"ticketId":"1"},"constructor":{"prototype":{"ok":true}}}') as unknown })),
);

describe('message fuzzing with the real handlers', () => {
  it('a content script sending random and malformed messages gets typed errors and writes nothing', async () => {
    const { repos, dispatch, changes } = await world();
    const before = await fullDump(repos.db);
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(message, async (msg) => {
        const reply = await dispatch(msg, contentScript);
        const shape = Reply.safeParse(reply);
        if (!shape.success) throw new Error(`reply is not typed: ${JSON.stringify(reply)}`);
        const type = typeof (msg as { type?: unknown })?.type === 'string' ? (msg as { type: string }).type : '';
        if (reply.ok) {
          expect(READ_ONLY.has(type), `"${type}" answered ok to a helpdesk page`).toBe(true);
        } else {
          expect(ERROR_CODES).toContain(reply.error.code);
          expect(reply.error.code, `${type}: ${reply.error.message}`).not.toBe('internal');
          seen.set(reply.error.code, (seen.get(reply.error.code) ?? 0) + 1);
        }
      }),
      { numRuns: 3_000, seed: 20261122 },
    );
    expect(await fullDump(repos.db)).toEqual(before);
    expect(changes()).toBe(0);
    expect([...seen.keys()].sort()).toEqual(['forbidden', 'invalid-message']);
  }, 120_000);

  it('every privileged message, even well-formed, is forbidden to a content script and to any other sender', async () => {
    const { repos, dispatch } = await world();
    const before = await fullDump(repos.db);
    for (const type of TYPES) {
      const payloads = [{}, { passphrase: 'a long passphrase', mode: 'replace', id: crypto.randomUUID(), profile: {} }, VALID[type] ?? {}];
      for (const payload of payloads) {
        for (const sender of strangers) expect(await dispatch({ pd: 1, type, payload }, sender), `${type} from ${JSON.stringify(sender)}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        if (!(MESSAGES[type as keyof typeof MESSAGES].from as readonly string[]).includes('content'))
          expect(await dispatch({ pd: 1, type, payload }, contentScript), type).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('from a helpdesk page') } });
      }
    }
    expect(await fullDump(repos.db)).toEqual(before);
  });

  it('while the lock is closed, well-formed overlay messages answer "locked" and write nothing', async () => {
    const { repos, dispatch } = await world();
    const lock = new PassphraseLock(repos, undefined, 2_000);
    await lock.enable('a long passphrase');
    await lock.lock();
    // The background's own lock instance reads the same stored settings on its first message.
    const before = await fullDump(repos.db).catch((e: unknown) => e);
    expect(before).toBeInstanceOf(Error); // personal fields cannot even be dumped while locked
    for (const [type, payload] of Object.entries(VALID)) expect(await dispatch({ pd: 1, type, payload }, contentScript), type).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await dispatch({ pd: 1, type: 'overlay.choices', payload: {} }, contentScript)).toEqual({ ok: true, data: { purposes: [], activities: [], locked: true } });
    const page = { id: EXT_ID, url: `${ORIGIN}sidepanel.html` };
    expect(await dispatch({ pd: 1, type: 'requests.query', payload: {} }, page)).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await dispatch({ pd: 1, type: 'audit.verify', payload: {} }, page)).toMatchObject({ ok: true, data: { ok: true } });
    expect(await dispatch({ pd: 1, type: 'trust.status', payload: {} }, page)).toMatchObject({ ok: true, data: { state: 'locked' } });
    const auditBefore = await repos.db.audit.count();
    expect(await dispatch({ pd: 1, type: 'trust.unlock', payload: { passphrase: 'wrong one!!' } }, page)).toEqual({ ok: false, error: { code: 'validation', message: 'Wrong passphrase' } });
    expect(await dispatch({ pd: 1, type: 'trust.unlock', payload: { passphrase: 'a long passphrase' } }, page)).toMatchObject({ ok: true, data: { state: 'unlocked' } });
    expect(await repos.db.audit.count()).toBe(auditBefore);
    expect(await dispatch({ pd: 1, type: 'overlay.lookup', payload: VALID['overlay.lookup'] }, contentScript)).toMatchObject({ ok: true, data: { subjectId: expect.any(String) } });
  });
});
