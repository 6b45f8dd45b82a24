// The helpdesk content script is registered at run time for exactly the origins the user granted
// (optional host permissions, PERMISSIONS.md), never for all sites at install.
//
// One registration, kept in step: every change goes through one queue, and an unchanged set of origins
// leaves the registration alone. (Unregistering and registering again at every service-worker start,
// from several listeners at once, raced: two registrations collided, and a page loaded in between got
// no overlay.) Tabs already open on a granted origin — after install, an update, a browser start or a
// new grant — get the script injected, so the agent does not have to reload the helpdesk.
import browser from 'webextension-polyfill';

export const SCRIPT_ID = 'privacy-desk-helpdesk';
export const SCRIPT_FILE = 'content-scripts/helpdesk.js';

/** The parts of the browser's APIs this module uses (a fake in unit tests). */
export interface ScriptingApi {
  grantedOrigins(): Promise<string[]>;
  registered(): Promise<{ matches: string[] } | undefined>;
  register(matches: string[]): Promise<void>;
  update(matches: string[]): Promise<void>;
  unregister(): Promise<void>;
  openTabs(matches: string[]): Promise<number[]>;
  inject(tabId: number): Promise<void>;
}

const browserApi: ScriptingApi = {
  grantedOrigins: async () => (await browser.permissions.getAll()).origins ?? [],
  registered: async () => {
    const [script] = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
    return script ? { matches: script.matches ?? [] } : undefined;
  },
  register: (matches) => browser.scripting.registerContentScripts([{ id: SCRIPT_ID, js: [SCRIPT_FILE], matches, runAt: 'document_idle', persistAcrossSessions: true }]),
  update: (matches) => browser.scripting.updateContentScripts([{ id: SCRIPT_ID, js: [SCRIPT_FILE], matches, runAt: 'document_idle', persistAcrossSessions: true }]),
  unregister: () => browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] }),
  openTabs: async (matches) => (await browser.tabs.query({ url: matches })).flatMap((tab) => (tab.id === undefined ? [] : [tab.id])),
  inject: async (tabId) => {
    await browser.scripting.executeScript({ target: { tabId }, files: [SCRIPT_FILE] });
  },
};

/** Host patterns the script may run on: granted http(s) origins, never the all-sites patterns. */
export function helpdeskMatches(origins: readonly string[]): string[] {
  return [...new Set(origins.filter((o) => /^https?:\/\//.test(o) && o !== 'https://*/*' && o !== 'http://*/*'))].sort();
}

export function createContentScripts(api: ScriptingApi = browserApi) {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  /** Brings the one registration in line with the granted origins; returns the patterns. */
  const sync = () =>
    serial(async () => {
      const matches = helpdeskMatches(await api.grantedOrigins());
      const current = await api.registered();
      if (matches.length === 0) {
        if (current) await api.unregister();
      } else if (!current) {
        await api.register(matches);
      } else if (current.matches.slice().sort().join('\n') !== matches.join('\n')) {
        await api.update(matches);
      }
      return matches;
    });

  /** Injects the script into the tabs already open on granted origins (a second copy stands down). */
  const injectIntoOpenTabs = async (): Promise<number> => {
    const matches = await sync();
    if (matches.length === 0) return 0;
    const tabs = await api.openTabs(matches);
    const results = await Promise.allSettled(tabs.map((id) => api.inject(id)));
    return results.filter((r) => r.status === 'fulfilled').length;
  };

  return { sync, injectIntoOpenTabs };
}
