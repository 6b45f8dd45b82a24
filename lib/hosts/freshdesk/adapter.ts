// Freshdesk agent app (Ember). One ticket is shown at a time; the ticket id comes from the URL.
// The current layout renders the subject and the contact card in shadow DOM (custom elements
// ticket-details and fw-unified-mfe--contact-info): the subject is then read from document.title
// ("[#1587] Subject : Portal name"), and the requester's e-mail only when the contact card's
// shadow root is open; otherwise the ticket is read with the name alone.
import type { HelpdeskAdapter } from '../adapter';
import type { TicketMessage } from '../../model/helpdesk';
import { mailtoAddress, querySelectorOrFail, SelectorNotFoundError, textOf } from '../../dom/query';
import { toTicketContext } from '../ticket-context';
import { FRESHDESK_SELECTORS as S } from './selectors';
import { freshdeskTicketId, freshdeskTicketUrl, isFreshdeskAgentUrl, FRESHDESK_TEST_URLS } from './url';

const TITLE = /^\[#(\d+)\]\s*(.+)$/;

/**
 * The subject: the light-DOM heading of older layouts, else document.title. Returns null when the
 * title still names the previous ticket (the SPA updates it a moment after the URL).
 */
function readSubject(document: Document, id: string): string | null {
  const heading = document.querySelector(S.subjectHeading.selector);
  if (heading) return textOf(heading);
  const match = TITLE.exec(document.title.trim());
  if (!match) throw new SelectorNotFoundError('subject', 'title ("[#<id>] <subject> : <portal>")');
  if (match[1] !== id) return null;
  const rest = match[2] ?? '';
  // The portal name follows the last " : "; a subject may itself contain " : ".
  const cut = rest.lastIndexOf(' : ');
  return (cut >= 0 ? rest.slice(0, cut) : rest).trim();
}

/**
 * The requester's address: the mailto: link in the contact card's shadow root (open roots only).
 * Not the card's text: it also holds the display name, which may itself look like an address.
 */
function contactCardEmail(document: Document): string | undefined {
  const root = document.querySelector(S.contactInfo.selector)?.shadowRoot;
  return mailtoAddress(root?.querySelector('a[href^="mailto:"]'));
}

function senderOf(item: Element): string {
  return textOf(item.querySelector(S.senderName.selector));
}

function readMessage(item: Element, requesterName: string): TicketMessage {
  const text = textOf(item.querySelector(S.body.selector) ?? item.querySelector('.ticket_note'));
  if (item.matches(S.privateNote.selector)) return { author: 'note', text };
  // Freshdesk marks no reliable direction on replies (viewlift notes); besides the requestor class,
  // a message is the customer's when it is the description or its sender is the requester.
  const customer =
    item.matches(S.description.selector) ||
    item.matches(S.requestorItem.selector) ||
    (requesterName !== '' && senderOf(item) === requesterName);
  return { author: customer ? 'customer' : 'agent', text };
}

export const freshdeskAdapter: HelpdeskAdapter = {
  kind: 'freshdesk',
  label: 'Freshdesk',
  // /a/ on a freshdesk.com subdomain is the agent app; no page fingerprint, the Ember shell is
  // empty while it boots.
  matches: (url) => isFreshdeskAgentUrl(url),
  readTicket(document, url) {
    const id = freshdeskTicketId(url);
    if (!id) return null;
    querySelectorOrFail(document, S.ticketDetails.selector, 'ticket page');
    const subject = readSubject(document, id);
    if (subject === null) return null;
    const description = querySelectorOrFail(document, S.description.selector, 'ticket description');
    const requesterName = senderOf(description);
    if (!requesterName) throw new SelectorNotFoundError('requester name', S.senderName.selector);
    const messages = [...document.querySelectorAll(S.item.selector)]
      .filter((item) => !item.matches(S.replyBox.selector))
      .map((item) => readMessage(item, requesterName));
    return toTicketContext({
      helpdesk: 'freshdesk',
      ticketId: id,
      ticketUrl: freshdeskTicketUrl(url, id),
      subject,
      requesterName,
      requesterEmail: contactCardEmail(document),
      messages,
    });
  },
  anchor: (document) => document.querySelector(S.actionBar.selector),
  observeRoot: (document) => document.querySelector(S.appMain.selector) ?? document.body,
  selectors: S,
  testUrls: FRESHDESK_TEST_URLS,
};
