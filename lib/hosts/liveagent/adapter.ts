// LiveAgent agent panel (GWT). Opened conversations stay in a deck panel; only the visible view is
// read, and the conversation id comes from the #Conversation;id=<id> route.
import type { HelpdeskAdapter } from '../adapter';
import type { TicketMessage } from '../../model/helpdesk';
import { querySelectorOrFail, SelectorNotFoundError, textOf } from '../../dom/query';
import { toTicketContext } from '../ticket-context';
import { LIVEAGENT_SELECTORS as S } from './selectors';
import { isLiveAgentAgentUrl, liveAgentConversationId, liveAgentTicketUrl, LIVEAGENT_TEST_URLS } from './url';

/** GWT's DeckPanel hides the views it does not show with an inline display: none. */
function visibleViews(document: Document): Element[] {
  return [...document.querySelectorAll(S.conversationView.selector)].filter(
    (view) => (view as HTMLElement).style?.display !== 'none' && view.getAttribute('aria-hidden') !== 'true',
  );
}

function readGroup(group: Element): TicketMessage {
  const text = textOf(group.querySelector(S.messageText.selector) ?? group);
  if (group.matches(S.noteGroup.selector)) return { author: 'note', text };
  return { author: group.matches(S.customerGroup.selector) ? 'customer' : 'agent', text };
}

export const liveAgentAdapter: HelpdeskAdapter = {
  kind: 'liveagent',
  label: 'LiveAgent',
  // /agent on a ladesk.com subdomain is the agent panel; the GWT shell is empty while it boots, so
  // no page fingerprint is asked for.
  matches: (url) => isLiveAgentAgentUrl(url),
  readTicket(document, url) {
    const id = liveAgentConversationId(url);
    if (!id) return null;
    const views = visibleViews(document);
    if (views.length === 0) throw new SelectorNotFoundError('conversation view', S.conversationView.selector);
    // Two visible views only happen mid-switch: wait for the deck panel to settle.
    if (views.length > 1) return null;
    const view = views[0] as Element;
    return toTicketContext({
      helpdesk: 'liveagent',
      ticketId: id,
      ticketUrl: liveAgentTicketUrl(url, id),
      subject: textOf(querySelectorOrFail(view, S.subject.selector, 'subject')),
      requesterName: textOf(querySelectorOrFail(view, S.contactName.selector, 'contact name')),
      requesterEmail: textOf(view.querySelector(S.contactEmail.selector)) || undefined,
      messages: [...view.querySelectorAll(S.messageGroup.selector)].map(readGroup),
    });
  },
  anchor: (document) => visibleViews(document)[0]?.querySelector(S.conversationHeader.selector) ?? null,
  observeRoot: (document) => document.querySelector(S.conversationView.selector)?.parentElement ?? document.body,
  selectors: S,
  testUrls: LIVEAGENT_TEST_URLS,
};
