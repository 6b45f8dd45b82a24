// Help Scout. One conversation per page; the conversation id comes from the URL. Threads are shown
// newest first and are returned in that page order. Status changes (line items) are no messages.
import type { HelpdeskAdapter } from '../adapter';
import type { TicketMessage } from '../../model/helpdesk';
import { querySelectorOrFail, textOf } from '../../dom/query';
import { toTicketContext } from '../ticket-context';
import { HELPSCOUT_SELECTORS as S } from './selectors';
import { helpScoutConversation, helpScoutTicketUrl, isHelpScoutUrl, HELPSCOUT_TEST_URLS } from './url';

function readThread(thread: Element): TicketMessage {
  const text = textOf(thread.querySelector(S.messageBody.selector));
  if (thread.matches(S.noteThread.selector)) return { author: 'note', text };
  // Staff replies are "message" threads; chats, phone logs and forwards written by staff are agent too.
  return { author: thread.matches(S.customerThread.selector) ? 'customer' : 'agent', text };
}

export const helpScoutAdapter: HelpdeskAdapter = {
  kind: 'helpscout',
  label: 'Help Scout',
  // secure.helpscout.net serves nothing but the app; no page fingerprint is needed.
  matches: (url) => isHelpScoutUrl(url),
  readTicket(document, url) {
    const conversation = helpScoutConversation(url);
    if (!conversation) return null;
    const threads = querySelectorOrFail(document, S.threads.selector, 'conversation threads');
    const messages = [...threads.querySelectorAll(S.thread.selector)]
      .filter((thread) => !thread.matches(S.lineItem.selector))
      .map(readThread);
    return toTicketContext({
      helpdesk: 'helpscout',
      ticketId: conversation.id,
      ticketUrl: helpScoutTicketUrl(conversation),
      subject: textOf(querySelectorOrFail(document, S.subject.selector, 'subject')),
      requesterName: textOf(querySelectorOrFail(document, S.customerName.selector, 'customer name')),
      requesterEmail: textOf(document.querySelector(S.customerEmail.selector)) || undefined,
      messages,
    });
  },
  anchor: (document) => document.querySelector(S.threads.selector),
  observeRoot: (document) => document.querySelector(S.wrap.selector) ?? document.body,
  selectors: S,
  testUrls: HELPSCOUT_TEST_URLS,
};
