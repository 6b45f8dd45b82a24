// Keyboard shortcuts (commands API). Opening the side panel needs no code: `_execute_action` opens it
// on Chrome (setPanelBehavior openPanelOnActionClick) and `_execute_sidebar_action` on Firefox.
import browser from 'webextension-polyfill';
import type { Tabs } from 'webextension-polyfill';
import { FLAG_MESSAGE, FLAG_TICKET_COMMAND } from '../../lib/messaging/shortcut';

export function listenToCommands(): void {
  browser.commands.onCommand.addListener((command: string, tab?: Tabs.Tab) => {
    if (command === FLAG_TICKET_COMMAND) void flagTicketIn(tab);
  });
}

/** Asks the overlay in the active tab to press its own flag button, as the agent would. */
export async function flagTicketIn(tab?: Tabs.Tab): Promise<boolean> {
  const target = tab?.id !== undefined ? tab : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (target?.id === undefined) return false;
  try {
    await browser.tabs.sendMessage(target.id, FLAG_MESSAGE);
    return true;
  } catch {
    // No overlay in this tab (not a granted helpdesk, or not a ticket page): nothing to flag.
    return false;
  }
}
