// Zendesk Support, agent workspace. Several tickets are mounted at once (one grid per open tab);
// only the one with data-is-active="true" is read. The ticket id comes from the URL and must match
// the active grid, so that a half-finished tab switch never pairs one ticket's id with another's
// messages.
import type { HelpdeskAdapter } from '../adapter';
import type { TicketMessage } from '../../model/helpdesk';
import { querySelectorOrFail, textOf, valueOrText } from '../../dom/query';
import { toTicketContext } from '../ticket-context';
import { ZENDESK_SELECTORS as S } from './selectors';
import { isZendeskAgentUrl, zendeskTicketId, zendeskTicketUrl, ZENDESK_TEST_URLS } from './url';

function activeWorkspace(document: Document): Element | null {
  return document.querySelector(S.activeWorkspace.selector);
}

/** Whether a workspace grid shows ticket `id` (custom-layout test id, else the side-conversations anchor). */
function showsTicket(workspace: Element, id: string): boolean {
  return (
    workspace.getAttribute('data-test-id') === `ticket-${id}-custom-layout` ||
    workspace.querySelector(`[data-side-conversations-anchor-id="${id}"]`) !== null
  );
}

function readMessage(item: Element): TicketMessage | null {
  const message = item.querySelector(S.message.selector);
  // aria-hidden message blocks are not shown to the agent (the Support Toolkit transcript skips them too).
  if (!message || message.getAttribute('aria-hidden') === 'true') return null;
  const text = textOf(message.querySelector(S.messageContent.selector) ?? message);
  if (item.querySelector(S.internalNoteTag.selector) || message.getAttribute('type') === 'internal') {
    return { author: 'note', text };
  }
  // type="end-user" is the requester (or a CC'd end user); agents, bots and triggers are "agent".
  return { author: message.getAttribute('type') === 'end-user' ? 'customer' : 'agent', text };
}

function mailtoAddress(link: Element | null): string | undefined {
  const href = link?.getAttribute('href');
  if (!href) return undefined;
  try {
    return decodeURIComponent(href.slice('mailto:'.length)).split('?')[0];
  } catch {
    return undefined;
  }
}

export const zendeskAdapter: HelpdeskAdapter = {
  kind: 'zendesk',
  label: 'Zendesk',
  // The origin and the /agent path identify the agent app; the page is a React shell that is
  // still empty while it boots, so no page fingerprint is asked for.
  matches: (url) => isZendeskAgentUrl(url),
  readTicket(document, url) {
    const id = zendeskTicketId(url);
    if (!id) return null;
    const workspace = querySelectorOrFail(document, S.activeWorkspace.selector, 'active ticket workspace');
    // Right after a tab switch the URL already names the new ticket while the old grid is active.
    if (!showsTicket(workspace, id)) return null;
    const log = querySelectorOrFail(workspace, S.log.selector, 'conversation log');
    const messages = [...log.querySelectorAll(S.logItem.selector)]
      .map(readMessage)
      .filter((m): m is TicketMessage => m !== null);
    return toTicketContext({
      helpdesk: 'zendesk',
      ticketId: id,
      ticketUrl: zendeskTicketUrl(url, id),
      subject: valueOrText(querySelectorOrFail(workspace, S.subject.selector, 'subject')),
      requesterName: textOf(querySelectorOrFail(workspace, S.requester.selector, 'requester')),
      requesterEmail: mailtoAddress(workspace.querySelector(S.requesterEmail.selector)),
      messages,
    });
  },
  anchor: (document) => activeWorkspace(document)?.querySelector(S.conversationPane.selector) ?? null,
  observeRoot: (document) => document.querySelector(S.main.selector) ?? document.body,
  selectors: S,
  testUrls: ZENDESK_TEST_URLS,
};
