// Zoho Desk, current agent UI (/agent/...) and the classic one (ShowHomePage.do#Cases/dv/<id>).
// The current UI keeps the previous ticket's detail view mounted while it opens the next one (and
// keeps other sub-tabs mounted, hidden): only the visible view whose data-id names the URL's record
// id is read, and anything else (no such view yet, or two) reads as "no ticket yet".
import type { HelpdeskAdapter } from '../adapter';
import type { TicketContext, TicketMessage } from '../../model/helpdesk';
import { querySelectorOrFail, SelectorNotFoundError, textOf } from '../../dom/query';
import { toTicketContext } from '../ticket-context';
import { ZOHO_DESK_SELECTORS as S } from './selectors';
import { isZohoDeskAgentUrl, zohoTicketRoute, ZOHO_DESK_TEST_URLS, type ZohoTicketRoute } from './url';

function isHidden(element: Element): boolean {
  return (
    element.hasAttribute('hidden') ||
    element.getAttribute('aria-hidden') === 'true' ||
    (element as HTMLElement).style?.display === 'none'
  );
}

function visibleDetailViews(document: Document): Element[] {
  return [...document.querySelectorAll(S.detailView.selector)].filter((view) => !isHidden(view));
}

/** Text of a message body without the quoted copies nested in it (they repeat earlier messages). */
function ownText(wrapper: Element): string {
  const copy = wrapper.cloneNode(true) as Element;
  for (const quoted of copy.querySelectorAll(S.contentWrapper.selector)) quoted.remove();
  return textOf(copy);
}

function mailto(link: Element | null): string | undefined {
  return link?.getAttribute('href')?.slice('mailto:'.length);
}

function readAgentView(document: Document, route: ZohoTicketRoute): TicketContext | null {
  const views = document.querySelectorAll(S.detailView.selector);
  if (views.length === 0) throw new SelectorNotFoundError('ticket detail view', S.detailView.selector);
  const shown = visibleDetailViews(document).filter((view) => view.getAttribute('data-id') === `subTab_${route.id}`);
  if (shown.length !== 1) return null;
  const view = shown[0] as Element;
  const subject = querySelectorOrFail(view, S.subject.selector, 'subject');
  const messages = [...view.querySelectorAll(S.contentWrapper.selector)]
    .filter((wrapper) => !wrapper.parentElement?.closest(S.contentWrapper.selector))
    .map((wrapper): TicketMessage => {
      const text = ownText(wrapper);
      const thread = wrapper.closest(S.threadItem.selector);
      // A body outside any thread item is a comment, which Zoho Desk keeps private to agents.
      if (!thread) return { author: 'note', text };
      return { author: thread.matches(S.incomingThread.selector) ? 'customer' : 'agent', text };
    });
  return toTicketContext({
    helpdesk: 'zohodesk',
    ticketId: route.id,
    ticketUrl: route.url,
    subject: subject.getAttribute('data-title')?.trim() || textOf(subject),
    requesterName: textOf(querySelectorOrFail(view, S.contactName.selector, 'contact name')),
    requesterEmail: mailto(view.querySelector(S.contactEmail.selector)),
    messages,
  });
}

function readClassicPanel(document: Document, route: ZohoTicketRoute): TicketContext {
  const panel = querySelectorOrFail(document, S.classicPanel.selector, 'ticket panel');
  const messages = [...panel.querySelectorAll(S.classicThread.selector)].map((thread): TicketMessage => {
    const text = textOf(thread.querySelector('.threadContent') ?? thread);
    if (thread.classList.contains('comment')) return { author: 'note', text };
    return { author: thread.classList.contains('incoming') ? 'customer' : 'agent', text };
  });
  return toTicketContext({
    helpdesk: 'zohodesk',
    ticketId: route.id,
    ticketUrl: route.url,
    subject: textOf(querySelectorOrFail(panel, S.classicSubject.selector, 'subject')),
    requesterName: textOf(querySelectorOrFail(panel, S.classicContactName.selector, 'contact name')),
    requesterEmail: textOf(panel.querySelector(S.classicContactEmail.selector)) || undefined,
    messages,
  });
}

export const zohoDeskAdapter: HelpdeskAdapter = {
  kind: 'zohodesk',
  label: 'Zoho Desk',
  // desk.zoho.<dc> under /agent/ (or the classic /support/<portal>/ShowHomePage.do) is the agent
  // app; no page fingerprint, the app shell is empty while it boots.
  matches: (url) => isZohoDeskAgentUrl(url),
  readTicket(document, url) {
    const route = zohoTicketRoute(url);
    if (!route) return null;
    return route.variant === 'agent' ? readAgentView(document, route) : readClassicPanel(document, route);
  },
  anchor(document) {
    const views = visibleDetailViews(document);
    const view = views[views.length - 1];
    if (view) return view.querySelector(S.subjectActions.selector);
    return document.querySelector(S.classicPanel.selector);
  },
  observeRoot: (document) =>
    (document.querySelector(S.detailView.selector) ?? document.querySelector(S.classicPanel.selector))?.parentElement ??
    document.body,
  selectors: S,
  testUrls: ZOHO_DESK_TEST_URLS,
};
