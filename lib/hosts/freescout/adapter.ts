// FreeScout: a server-rendered Laravel app (Help Scout look-alike). Every conversation is a full
// page load of /conversation/<id>; new threads arrive by AJAX into #conv-layout-main. The page runs
// under a strict Content-Security-Policy (nonce scripts only), so the adapter only reads the DOM.
//
// Ticket id: the conversation *number* shown to agents ("# 1087" beside the subject), not the
// internal id of the URL /conversation/<id>; the internal id only appears in ticketUrl.
import type { HelpdeskAdapter, SelectorSpec } from '../adapter';
import type { TicketMessage } from '../../model/helpdesk';
import { querySelectorOrFail, SelectorNotFoundError, textOf } from '../../dom/query';
import { toTicketContext } from '../ticket-context';

// Markup from resources/views/layouts/app.blade.php, conversations/view.blade.php,
// conversations/partials/threads.blade.php + thread.blade.php, conversations/partials/customer_sidebar.blade.php
// + customers/profile_snippet.blade.php and conversations/conversations_table.blade.php (FreeScout 1.8).
const S = {
  folders: {
    selector: '#app .sidebar-2col #folders',
    expect: { 'ticket.html': 1, 'list.html': 1 },
    note: 'mailboxes/sidebar_menu_view.blade.php: the mailbox folder menu beside conversations and folder lists',
  },
  conversation: {
    selector: 'body.body-conv #conv-layout',
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'view.blade.php: body_class "body-conv" and <div id="conv-layout" class="conv-type-email|phone|chat">',
  },
  conversationList: {
    selector: '#app table.table-conversations',
    expect: { 'ticket.html': 0, 'list.html': 1 },
    note: 'conversations_table.blade.php: the folder list',
  },
  number: {
    selector: '#conv-subject .conv-numnav strong',
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'view.blade.php: <div class="conv-numnav">… # <strong>NUMBER</strong>',
  },
  subject: {
    selector: '#conv-subject .conv-subjtext > span:first-child',
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'view.blade.php: the subject as text; #conv-subj-value is the hidden editor input holding the same value',
  },
  subjectInput: {
    selector: '#conv-subject #conv-subj-value',
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'view.blade.php: the inline subject editor, read when the text span is gone',
  },
  requesterName: {
    selector: '#conv-layout-customer .customer-snippet .customer-name',
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'profile_snippet.blade.php: only printed when the customer has a name (e-mail-only customers have none)',
  },
  requesterEmail: {
    selector: '#conv-layout-customer .customer-snippet .customer-email a',
    expect: { 'ticket.html': 2, 'list.html': 0 },
    note: "profile_snippet.blade.php: the conversation's customer_email first, then the customer's other addresses",
  },
  threads: {
    selector:
      '#conv-layout-main .thread.thread-type-customer, #conv-layout-main .thread.thread-type-message, #conv-layout-main .thread.thread-type-note',
    expect: { 'ticket.html': 4, 'list.html': 0 },
    note: 'thread.blade.php: "thread thread-type-{customer|message|note}"; lineitems (status changes) and drafts (thread-type-draft) are left out',
  },
  anchor: {
    selector: '#conv-layout-header #conv-subject',
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'view.blade.php: the subject block, rendered once per page load',
  },
} as const satisfies Record<string, SelectorSpec>;

// FreeScout may be installed under a path prefix. The conversation route is exactly
// /conversation/{id}; Help Scout's own agent URLs are /conversation/<id>/<number>/ and stay unclaimed.
const CONVERSATION_PATH = /\/conversation\/\d+\/?$/;
const FOLDER_PATH = /\/mailbox\/\d+(?:\/\d+)?\/?$/;

function isFreeScoutPage(doc: Document): boolean {
  // Laravel's CSRF meta tag alone is common to many apps; the folder menu next to either a
  // conversation layout or the conversation table is FreeScout's own.
  return Boolean(
    doc.querySelector('meta[name="csrf-token"]') &&
      doc.querySelector(S.folders.selector) &&
      (doc.querySelector(S.conversation.selector) ?? doc.querySelector(S.conversationList.selector)),
  );
}

const THREAD_AUTHOR: ReadonlyArray<[string, TicketMessage['author']]> = [
  ['thread-type-customer', 'customer'],
  ['thread-type-message', 'agent'],
  // Notes include forwards ("… are forwarding"), which FreeScout stores as notes too.
  ['thread-type-note', 'note'],
];

function readThread(thread: Element): TicketMessage | null {
  const author = THREAD_AUTHOR.find(([cls]) => thread.classList.contains(cls))?.[1];
  if (!author) return null;
  // .thread-content holds the body; bounce/send-error alerts, the edited original and the
  // attachment list are its siblings inside .thread-body and are left out.
  return { author, text: textOf(thread.querySelector('.thread-body .thread-content')) };
}

export const freescoutAdapter: HelpdeskAdapter = {
  kind: 'freescout',
  label: 'FreeScout',

  matches(url, doc) {
    // The URL alone proves nothing: /conversation/<id> is a common route shape (Help Scout's too).
    if (!doc) return false;
    const path = url.pathname;
    return (CONVERSATION_PATH.test(path) || FOLDER_PATH.test(path)) && isFreeScoutPage(doc);
  },

  readTicket(doc, url) {
    if (!doc.querySelector(S.conversation.selector)) return null;

    const number = textOf(querySelectorOrFail(doc, S.number.selector, 'conversation number')).replace(/^#\s*/, '');
    const subjectText = doc.querySelector(S.subject.selector);
    const subjectInput = doc.querySelector(S.subjectInput.selector);
    if (!subjectText && !subjectInput) {
      throw new SelectorNotFoundError('subject', `${S.subject.selector}, ${S.subjectInput.selector}`);
    }
    // tagName, not instanceof: the element may come from another realm (a frame, a test's JSDOM).
    const subject =
      textOf(subjectText) || (subjectInput?.tagName === 'INPUT' ? (subjectInput as HTMLInputElement).value : '');

    const messages = [...doc.querySelectorAll(S.threads.selector)]
      .map(readThread)
      .filter((m): m is TicketMessage => m !== null);

    // The canonical conversation URL: the folder_id query only says which folder it was opened from.
    const ticketUrl = new URL(url.pathname, url.origin).href;

    return toTicketContext({
      helpdesk: 'freescout',
      ticketId: number,
      ticketUrl,
      subject,
      requesterName: textOf(doc.querySelector(S.requesterName.selector)),
      requesterEmail: textOf(doc.querySelector(S.requesterEmail.selector)),
      messages,
    });
  },

  anchor(doc) {
    return doc.querySelector(S.anchor.selector);
  },

  observeRoot(doc) {
    // Threads posted by this or another agent are inserted without a reload.
    return doc.querySelector(S.conversation.selector);
  },

  selectors: S,

  testUrls: [
    'https://desk.example.de/conversation/2231?folder_id=14',
    'https://desk.example.de/conversation/2231',
    'https://example.com/helpdesk/conversation/17?folder_id=3#thread-1204',
    'https://desk.example.de/mailbox/3/14',
  ],
};
