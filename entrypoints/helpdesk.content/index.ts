// The helpdesk content script: finds the adapter for this page, follows the active ticket through
// single-page navigation and pjax swaps, and mounts the overlay. It never touches the database or the
// document engine: everything stored goes through messages to the background.
// First: the test flavour's clock must be in place before any module reads the time.
import '../shared/test-clock';
import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { detectAdapter } from '../../lib/hosts/registry';
import { TicketWatcher, OVERLAY_TAG } from './watcher';
import { Overlay } from './overlay';
import { isFlagMessage } from '../../lib/messaging/shortcut';
import { overlayShadowMode, TEST_OPEN_OVERLAY_KEY } from './trusted';
import { customAdaptersFor, listenForSelectorTests } from './custom';

const RUNNING = Symbol.for('privacy-desk.helpdesk');
interface RunningCopy {
  alive(): boolean;
  stop(): void;
}

declare const __PD_TEST_BUILD__: boolean | undefined;
const TEST_BUILD = typeof __PD_TEST_BUILD__ !== 'undefined' && __PD_TEST_BUILD__;
declare const __PD_TEST_OPEN_OVERLAY__: boolean | undefined;
const TEST_OPEN_OVERLAY = TEST_BUILD && typeof __PD_TEST_OPEN_OVERLAY__ !== 'undefined' && __PD_TEST_OPEN_OVERLAY__;

export default defineContentScript({
  // Registered at run time for granted origins only (entrypoints/background/content-scripts.ts).
  registration: 'runtime',
  matches: [],
  // WXT announces every start with a window.postMessage naming the extension id, which any page
  // script can read; off.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // WXT also invalidates this script when a "content script started" event reaches `document`.
    // A page script can dispatch that event too and switch the overlay off: stop it on the way down
    // (window, capture phase, runs before the listener on document). An orphaned copy of ours, left
    // behind by an update, notices on its own that the extension is gone (ctx.isInvalid below).
    // (The event's name is a private static of WXT's class: typed as private, public at run time.)
    const startedEvent = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
    window.addEventListener(startedEvent, (event) => event.stopImmediatePropagation(), { capture: true });
    // Injected into tabs that were open before (entrypoints/background/content-scripts.ts), the script
    // may find a live copy of itself in this world: that one keeps the overlay. A copy whose extension
    // context is gone (an update) is stopped and replaced.
    const running = (globalThis as Record<symbol, RunningCopy | undefined>)[RUNNING];
    if (running?.alive()) return;
    // The options page's "test on this tab" works on any granted page, recognised or not yet.
    const stopTests = running ? undefined : listenForSelectorTests(browser.runtime.id);
    const adapter = detectAdapter(new URL(location.href), document, await customAdaptersFor(location.origin));
    // No helpdesk recognised: a later injection (after the DPO saved selectors) may try again.
    if (!adapter) return;
    running?.stop();
    (globalThis as Record<symbol, RunningCopy | undefined>)[RUNNING] = { alive: () => ctx.isValid, stop: () => ctx.abort('replaced') };
    ctx.onInvalidated(() => stopTests?.());
    // An overlay left by an orphaned copy (extension updated or reloaded) gives way to ours.
    for (const stale of document.querySelectorAll(OVERLAY_TAG)) stale.remove();
    const open = TEST_BUILD ? TEST_OPEN_OVERLAY || (await browser.storage.local.get(TEST_OPEN_OVERLAY_KEY))[TEST_OPEN_OVERLAY_KEY] === true : false;
    const overlay = new Overlay(adapter, overlayShadowMode(TEST_BUILD, open));
    const watcher = new TicketWatcher(
      adapter,
      document,
      (state) => {
        if (ctx.isInvalid) return;
        overlay.show(state);
      },
      // The bench (bench/overlay-chromium.ts) reads how long each re-read held the tab; release builds
      // leave no trace in the page's performance timeline.
      TEST_BUILD ? (started) => performance.measure('pd:check', { start: started }) : undefined,
    );
    watcher.start();
    ctx.addEventListener(window, 'wxt:locationchange', () => watcher.check());
    // The flag-ticket shortcut (a user gesture the browser reported to our background): the overlay
    // runs its flag action directly, as a trusted click on its button would.
    const onMessage = (message: unknown, sender: Runtime.MessageSender) =>
      isFlagMessage(message, sender, browser.runtime.id) ? Promise.resolve({ flagged: overlay.pressFlag() }) : undefined;
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      watcher.stop();
      overlay.destroy();
    });
  },
});
