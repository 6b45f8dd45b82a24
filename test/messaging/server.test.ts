import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../lib/messaging/server';

const EXT_ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT_ID}/`;
const calls: string[] = [];
const handlers = new Proxy({} as Handlers, {
  get: (_t, type: string) => async (payload: unknown) => {
    calls.push(type);
    if (type === 'requests.get') throw Object.assign(new Error('boom'), { name: 'Boom' });
    return type === 'audit.verify' ? { ok: true, entries: 0, head: 'x' } : payload;
  },
});
const dispatch = createDispatcher(handlers, (e) => ({ code: 'internal', message: (e as Error).message }), EXT_ID, ORIGIN);
const page = { id: EXT_ID, url: `${ORIGIN}sidepanel.html` };
const contentScript = { id: EXT_ID, url: 'https://acme.zendesk.com/agent/tickets/1', tab: { id: 3 } };

describe('message dispatcher', () => {
  it('answers an allowed message from an extension page', async () => {
    expect(await dispatch({ pd: 1, type: 'audit.verify', payload: {} }, page)).toEqual({ ok: true, data: { ok: true, entries: 0, head: 'x' } });
  });

  it('lets a content script send overlay messages but nothing privileged', async () => {
    calls.length = 0;
    const lookup = await dispatch({ pd: 1, type: 'overlay.lookup', payload: { email: 'A@B.nl', helpdesk: 'zendesk', ticketId: '1' } }, contentScript);
    expect(lookup).toEqual({ ok: true, data: { email: 'a@b.nl', helpdesk: 'zendesk', ticketId: '1' } });
    for (const type of ['organisation.save', 'requests.transition', 'audit.verify', 'settings.save']) {
      const reply = await dispatch({ pd: 1, type, payload: {} }, contentScript);
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(calls).toEqual(['overlay.lookup']);
  });

  it('refuses other extensions, web pages and unknown senders', async () => {
    for (const sender of [{ id: 'other-extension', url: `chrome-extension://other/x.html` }, { url: 'https://evil.example' }, {}]) {
      expect(await dispatch({ pd: 1, type: 'overlay.lookup', payload: { helpdesk: 'x', ticketId: '1' } }, sender)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('names what is wrong with a malformed message and never calls a handler', async () => {
    calls.length = 0;
    expect(await dispatch('hello', page)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(await dispatch({ pd: 1, type: 'db.dropEverything', payload: {} }, page)).toMatchObject({ ok: false, error: { code: 'invalid-message', message: 'Unknown message "db.dropEverything"' } });
    const bad = await dispatch({ pd: 1, type: 'overlay.lookup', payload: { email: 'nope', helpdesk: 'x' } }, contentScript);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(bad.ok === false && bad.error.message).toMatch(/email: must be an e-mail address; ticketId:/);
    expect(calls).toEqual([]);
  });

  it('turns a handler failure into a typed error', async () => {
    expect(await dispatch({ pd: 1, type: 'requests.get', payload: { id: 'r1' } }, page)).toEqual({ ok: false, error: { code: 'internal', message: 'boom' } });
  });
});
