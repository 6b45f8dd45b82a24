// Composition root: owns the database, answers messages, keeps the badge and the content-script
// registrations for granted helpdesk origins.
// First: the test flavour's clock must be in place before any module reads the time.
import '../shared/test-clock';
import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import { z } from 'zod';
import { defineBackground } from 'wxt/utils/define-background';
import { createRepositories } from '../../lib/db/repositories';
import { createDispatcher } from '../../lib/messaging/server';
import { createContentGuard } from '../../lib/messaging/content-guard';
import { createHandlers } from './handlers/index';
import { mapError } from './errors';
import { createReminders, CHECK_ALARM, NEXT_ALARM } from './reminders';
import { createContentScripts } from './content-scripts';
import { applyManaged, watchManaged } from './managed';
import { listenToCommands } from './commands';
import { welcomeOnInstall } from './welcome';
import { createTeam } from './team';
import { createPurge, PURGE_ALARM } from './purge';

export default defineBackground(() => {
  // zod probes `Function('')` at start-up unless jitless, and the extension's CSP forbids eval.
  z.config({ jitless: true });
  const repos = createRepositories();

  const reminders = createReminders(repos);
  const refresh = () => void reminders.refresh().catch((e: unknown) => console.error('Privacy Desk badge', e));
  const check = () => void reminders.check().catch((e: unknown) => console.error('Privacy Desk reminders', e));

  const { team, schedule: scheduleSync } = createTeam(repos, refresh);
  void scheduleSync().catch((e: unknown) => console.error('Privacy Desk team sync', e));

  const contentScripts = createContentScripts();
  const handlers = createHandlers(repos, {
    team,
    teamChanged: () => void scheduleSync(),
    injectIntoOpenTabs: () => contentScripts.injectIntoOpenTabs(),
    requestsChanged: refresh,
    openSidePanel: async (subjectId, breachId) => {
      // Chrome opens the side panel only from a user gesture in an extension page; from a content script
      // we open the same page in a tab next to the helpdesk instead, filtered to the requester.
      const query = breachId ? `?view=breaches&breach=${encodeURIComponent(breachId)}` : subjectId ? `?subject=${encodeURIComponent(subjectId)}` : '';
      await browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html${query}`) });
      return true;
    },
  });
  const dispatch = createDispatcher(handlers, mapError, browser.runtime.id, browser.runtime.getURL(''), createContentGuard());
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => dispatch(message, sender) as Promise<unknown>);

  const purge = createPurge(repos, team);
  const runPurge = (alarm = PURGE_ALARM) =>
    void purge
      .onAlarm(alarm)
      .then((counts) => (counts && (counts.requests || counts.breaches) ? refresh() : undefined))
      .catch((e: unknown) => console.error('Privacy Desk purge', e));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === CHECK_ALARM || alarm.name === NEXT_ALARM) check();
    runPurge(alarm.name);
  });
  // The organisation's policy first, so the profile it sets is in place before anything reads it.
  const managed = applyManaged(repos).catch((e: unknown) => {
    console.error('Privacy Desk policy', e);
    return undefined;
  });
  watchManaged(() => void applyManaged(repos).then(refresh, (e: unknown) => console.error('Privacy Desk policy', e)));
  const injectIntoOpenTabs = () => void contentScripts.injectIntoOpenTabs().catch((e: unknown) => console.error('Privacy Desk content script', e));
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // Install and update: helpdesk tabs already open get the overlay without a reload.
    injectIntoOpenTabs();
    if (reason === 'install') void managed.then((state) => state && welcomeOnInstall(state));
  });
  browser.runtime.onStartup.addListener(injectIntoOpenTabs);
  browser.permissions.onAdded.addListener(injectIntoOpenTabs);
  browser.permissions.onRemoved.addListener(() => void contentScripts.sync().catch((e: unknown) => console.error('Privacy Desk content script', e)));
  // Every start of the service worker: the registration is checked (and left alone when it is right).
  void contentScripts.sync().catch((e: unknown) => console.error('Privacy Desk content script', e));
  // Every start of the service worker (install, browser start, wake-up) re-derives badge and alarms.
  check();
  void purge.schedule().catch((e: unknown) => console.error('Privacy Desk purge alarm', e));
  runPurge();

  listenToCommands();

  // Chrome: the toolbar button opens the side panel.
  const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } }).chrome?.sidePanel;
  void chromeSidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
  // Firefox: the toolbar button toggles the sidebar (the same page as Chrome's side panel).
  const sidebar = (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
  if (sidebar) browser.action.onClicked.addListener(() => void sidebar.toggle());
});
