// Selectors of Help Scout's conversation page. Established by public extensions: #js-wrap (the app
// container swapped on navigation) and #tkContent (the conversation's threads, loaded on demand)
// from Maxr1998/userscripts helpscout_click_to_copy.user.js; article.thread.customer with
// id="thread-<id>" and section.js-thread-content > section.messageBodyWrap > section.message >
// section.threadHeader > section.meta / section.messageBody from trentslutzky/helpscout-thread-hider.
// The thread classes message / note / lineitem mirror the API's thread types (customer, message =
// staff reply, note, lineitem = status change) next to the established "customer". data-cy hooks
// for the editor (ConvoEditor) appear in a Help Scout assistant extension; the subject and customer
// card hooks below are approximations in the same style.
import type { SelectorSpec } from '../adapter';

export const HELPSCOUT_SELECTORS = {
  wrap: {
    selector: '#js-wrap',
    expect: { 'ticket.html': 1, 'list.html': 1 },
    note: 'app container; its children are replaced when the agent opens another page',
  },
  threads: {
    selector: '#tkContent',
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'the conversation thread list; only on a conversation page',
  },
  thread: {
    selector: '#tkContent article.thread',
    expect: { 'ticket.html': 5, 'list.html': 0 },
    note: 'one per thread, newest first (Help Scout shows the latest thread on top)',
  },
  customerThread: {
    selector: 'article.thread.customer',
    expect: { 'ticket.html': 2, 'list.html': 0 },
    note: 'written by the customer (established)',
  },
  noteThread: {
    selector: 'article.thread.note',
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'private note of a team member',
  },
  lineItem: {
    selector: 'article.thread.lineitem',
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'status/assignment change without a body: no message',
  },
  messageBody: {
    selector: 'section.messageBody',
    expect: { 'ticket.html': 4, 'list.html': 0 },
    note: 'text of a thread (established)',
  },
  subject: {
    selector: '[data-cy="ConversationSubject"]',
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'subject heading of the conversation (approximated hook)',
  },
  customerName: {
    selector: '[data-cy="CustomerProfile"] [data-cy="CustomerName"]',
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'customer card in the sidebar (approximated hook)',
  },
  customerEmail: {
    selector: '[data-cy="CustomerProfile"] [data-cy="CustomerEmail"]',
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'primary e-mail on the customer card (approximated hook)',
  },
} as const satisfies Record<string, SelectorSpec>;
