// The helpdesk content script: finds the adapter for this page, follows the active ticket through
// single-page navigation and pjax swaps, and mounts the overlay. It never touches the database or the
// document engine: everything stored goes through messages to the background.
// First: the test flavour's clock must be in place before any module reads the time.
import '../shared/test-clock';
import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { z } from 'zod';
import { detectAdapter } from '../../lib/hosts/registry';
import { TicketWatcher } from './watcher';
import { Overlay } from './overlay';
import { isFlagMessage } from '../../lib/messaging/shortcut';

export default defineContentScript({
  // Registered at run time for granted origins only (entrypoints/background/content-scripts.ts).
  registration: 'runtime',
  matches: [],
  main(ctx) {
    z.config({ jitless: true });
    const adapter = detectAdapter(new URL(location.href), document);
    if (!adapter) return;
    const overlay = new Overlay(adapter);
    const watcher = new TicketWatcher(adapter, document, (state) => overlay.show(state));
    watcher.start();
    ctx.addEventListener(window, 'wxt:locationchange', () => watcher.check());
    // The flag-ticket shortcut: the background asks, the overlay presses its own button.
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
