import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../lib/messaging/server';
import { createContentGuard } from '../../lib/messaging/content-guard';

const EXT_ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT_ID}/`;
const calls: string[] = [];
const handlers = new Proxy({} as Handlers, {
  get: (_t, type: string) => async (payload: unknown) => {
    calls.push(type);
    return payload;
  },
});
let clock = 0;
const guard = createContentGuard({ now: () => clock, lookupBurst: 3, lookupRefillMs: 1000, panelIntervalMs: 5000 });
const dispatch = createDispatcher(handlers, (e) => ({ code: 'internal', message: (e as Error).message }), EXT_ID, ORIGIN, guard);
const tab = (id: number, url = 'https://desk.example.com/tickets/1') => ({ id: EXT_ID, url, tab: { id } });
const ticket = (over: Record<string, unknown> = {}) => ({
  helpdesk: 'demo',
  ticketId: '1',
  ticketUrl: 'https://desk.example.com/tickets/1',
  subject: 'Hello',
  requesterEmail: 'jan@example.nl',
  messages: [],
  ...over,
});

describe('content guard', () => {
  it('refuses a ticket URL on another origin than the sending frame', async () => {
    calls.length = 0;
    const other = await dispatch({ pd: 1, type: 'overlay.flag', payload: { ticket: ticket({ ticketUrl: 'https://evil.example/tickets/1' }), type: 'access' } }, tab(1));
    expect(other).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const same = await dispatch({ pd: 1, type: 'overlay.flag', payload: { ticket: ticket(), type: 'access' } }, tab(1));
    expect(same).toMatchObject({ ok: true });
    expect(calls).toEqual(['overlay.flag']);
  });

  it('refuses an e-mail that differs from the one the adapter read, accepts one typed for a ticket without', async () => {
    calls.length = 0;
    const payload = { ticket: ticket(), purposeId: 'p1', quote: 'yes', channel: 'ticket', email: 'ceo@bank.example' };
    expect(await dispatch({ pd: 1, type: 'overlay.recordConsent', payload }, tab(1))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const typed = { ...payload, ticket: ticket({ requesterEmail: undefined }) };
    expect(await dispatch({ pd: 1, type: 'overlay.recordConsent', payload: typed }, tab(1))).toMatchObject({ ok: true });
    const same = { ...payload, email: 'JAN@example.nl' };
    expect(await dispatch({ pd: 1, type: 'overlay.recordConsent', payload: same }, tab(1))).toMatchObject({ ok: true });
    expect(calls).toEqual(['overlay.recordConsent', 'overlay.recordConsent']);
  });

  it('rate-limits look-ups per tab and lets the allowance refill', async () => {
    clock = 10_000;
    const lookup = (id: number, email: string) => dispatch({ pd: 1, type: 'overlay.lookup', payload: { email, helpdesk: 'demo', ticketId: '1' } }, tab(id));
    for (let i = 0; i < 3; i += 1) expect(await lookup(7, `p${i}@example.nl`)).toMatchObject({ ok: true });
    expect(await lookup(7, 'p3@example.nl')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await lookup(8, 'p3@example.nl')).toMatchObject({ ok: true });
    clock += 1000;
    expect(await lookup(7, 'p3@example.nl')).toMatchObject({ ok: true });
    expect(await lookup(7, 'p4@example.nl')).toMatchObject({ ok: false });
  });

  it('opens at most one side-panel tab per helpdesk tab every few seconds', async () => {
    clock = 50_000;
    const open = () => dispatch({ pd: 1, type: 'overlay.openSidePanel', payload: {} }, tab(9));
    expect(await open()).toMatchObject({ ok: true });
    expect(await open()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    clock += 5000;
    expect(await open()).toMatchObject({ ok: true });
  });

  it('does not apply to extension pages', async () => {
    const page = { id: EXT_ID, url: `${ORIGIN}sidepanel.html` };
    for (let i = 0; i < 5; i += 1) expect(await dispatch({ pd: 1, type: 'overlay.lookup', payload: { helpdesk: 'demo', ticketId: '1' } }, page)).toMatchObject({ ok: true });
  });
});
