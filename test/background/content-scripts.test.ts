// The helpdesk content script's registration: one, kept in step with the granted origins, never
// dropped and re-created when nothing changed (a page loading in that gap got no overlay), and the
// tabs already open on granted origins get the script injected.
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { createContentScripts, helpdeskMatches } = await import('../../entrypoints/background/content-scripts');
type Api = import('../../entrypoints/background/content-scripts').ScriptingApi;

function fakeApi(origins: string[]) {
  const state = { origins, registered: undefined as string[] | undefined, calls: [] as string[], injected: [] as number[] };
  const tick = () => new Promise((r) => setTimeout(r, 1));
  const api: Api = {
    grantedOrigins: async () => (await tick(), state.origins),
    registered: async () => (await tick(), state.registered ? { matches: state.registered } : undefined),
    register: async (m) => {
      await tick();
      if (state.registered) throw new Error(`Duplicate script ID`);
      state.registered = m;
      state.calls.push('register');
    },
    update: async (m) => {
      await tick();
      state.registered = m;
      state.calls.push('update');
    },
    unregister: async () => {
      await tick();
      state.registered = undefined;
      state.calls.push('unregister');
    },
    openTabs: async () => [3, 4],
    inject: async (id) => {
      if (id === 4) throw new Error('Cannot access contents of the page');
      state.injected.push(id);
    },
  };
  return { api, state };
}

describe('helpdesk content-script registration', () => {
  it('registers once when several listeners sync at the same time', async () => {
    const { api, state } = fakeApi(['https://acme.zendesk.com/*']);
    const scripts = createContentScripts(api);
    await Promise.all([scripts.sync(), scripts.sync(), scripts.injectIntoOpenTabs(), scripts.sync()]);
    expect(state.calls).toEqual(['register']);
    expect(state.registered).toEqual(['https://acme.zendesk.com/*']);
  });

  it('leaves an unchanged registration alone at a service-worker start, updates it in place on a new grant', async () => {
    const { api, state } = fakeApi(['https://acme.zendesk.com/*']);
    state.registered = ['https://acme.zendesk.com/*'];
    const scripts = createContentScripts(api);
    await scripts.sync();
    expect(state.calls).toEqual([]);
    state.origins = ['https://acme.zendesk.com/*', 'https://desk.example.org/*'];
    await scripts.sync();
    expect(state.calls).toEqual(['update']);
    state.origins = [];
    await scripts.sync();
    expect(state.calls).toEqual(['update', 'unregister']);
  });

  it('injects into the tabs already open on granted origins, skipping those it cannot reach', async () => {
    const { api, state } = fakeApi(['https://acme.zendesk.com/*']);
    expect(await createContentScripts(api).injectIntoOpenTabs()).toBe(1);
    expect(state.injected).toEqual([3]);
  });

  it('never runs on the all-sites patterns', () => {
    expect(helpdeskMatches(['https://*/*', 'http://*/*', 'https://b.example/*', 'https://a.example/*', 'https://a.example/*'])).toEqual(['https://a.example/*', 'https://b.example/*']);
  });
});
