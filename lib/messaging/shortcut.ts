// The one message the background sends *to* the content script: "flag the ticket in this tab", sent
// when the user presses the flag-ticket keyboard shortcut (commands API). Everything else travels the
// other way through the protocol.
export const FLAG_TICKET_COMMAND = 'flag-ticket';
export const FLAG_MESSAGE = { type: 'pd-flag' } as const;

export interface ShortcutSender {
  id?: string;
  tab?: unknown;
}

/**
 * Accepts the flag message only from our own background: same extension id and no tab (a message from
 * a content script or a page of another frame carries one). A helpdesk page cannot reach this listener,
 * but a compromised content script of ours in another tab must not drive this one either.
 */
export function isFlagMessage(message: unknown, sender: ShortcutSender, extensionId: string): boolean {
  return sender.id === extensionId && sender.tab === undefined && typeof message === 'object' && message !== null && (message as { type?: unknown }).type === FLAG_MESSAGE.type;
}
