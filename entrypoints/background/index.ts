// Composition root: owns the database, answers messages, keeps the badge and the content-script
// registrations for granted helpdesk origins.
import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import { z } from 'zod';
import { defineBackground } from 'wxt/utils/define-background';
import { createRepositories } from '../../lib/db/repositories';
import { countDueBefore } from '../../lib/db/requests';
import { createDispatcher } from '../../lib/messaging/server';
import { createHandlers } from './handlers/index';
import { mapError } from './errors';
import { getSettings } from './settings';
import { syncContentScripts } from './content-scripts';

export default defineBackground(() => {
  // zod probes `Function('')` at start-up unless jitless (STACK-NOTES).
  z.config({ jitless: true });
  const repos = createRepositories();

  async function updateBadge() {
    const { badgeDays } = await getSettings(repos);
    const before = new Date(Date.now() + badgeDays * 86_400_000).toISOString();
    const count = await countDueBefore(repos, before);
    await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
    await browser.action.setBadgeBackgroundColor({ color: '#b42318' });
  }

  const handlers = createHandlers(repos, {
    requestsChanged: () => void updateBadge(),
    openSidePanel: async () => {
      // Chrome opens the side panel only from a user gesture in an extension page; from a content script
      // we open the same page in a tab next to the helpdesk instead.
      await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
      return true;
    },
  });
  const dispatch = createDispatcher(handlers, mapError, browser.runtime.id, browser.runtime.getURL(''));
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => dispatch(message, sender) as Promise<unknown>);

  browser.runtime.onInstalled.addListener(() => void syncContentScripts());
  browser.runtime.onStartup.addListener(() => void syncContentScripts());
  browser.permissions.onAdded.addListener(() => void syncContentScripts());
  browser.permissions.onRemoved.addListener(() => void syncContentScripts());
  void syncContentScripts();
  void updateBadge();

  // Chrome: the toolbar button opens the side panel.
  const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } }).chrome?.sidePanel;
  void chromeSidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
});
