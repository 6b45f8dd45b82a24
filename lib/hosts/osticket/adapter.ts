// osTicket staff control panel (/scp/). Server-rendered PHP; links navigate with jquery.pjax, which
// swaps the children of #pjax-container (include/staff/header.inc.php) without a page load, so the
// overlay must observe that container and re-read, never keep what it read at load.
//
// Ticket id: the ticket *number* agents and customers see ("Ticket #583201", the number osTicket
// puts in e-mail subjects), not the internal database id of `tickets.php?id=N`; the internal id
// only appears in ticketUrl.
import type { HelpdeskAdapter, SelectorSpec } from '../adapter';
import type { TicketMessage } from '../../model/helpdesk';
import { querySelectorOrFail, SelectorNotFoundError, textOf } from '../../dom/query';
import { toTicketContext } from '../ticket-context';

// Markup from include/staff/ticket-view.inc.php, templates/thread-entries.tmpl.php and
// templates/thread-entry.tmpl.php (osTicket 1.17/1.18).
const S = {
  container: {
    selector: '#pjax-container',
    expect: { 'ticket.html': 1, 'list.html': 1 },
    note: 'header.inc.php: the pjax target on every staff page; pjax replaces its children',
  },
  thread: {
    selector: '#pjax-container #ticket_thread #ticketThread',
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'ticket-view.inc.php renders the thread with html-id "ticketThread" only on the ticket view (not on a=edit, not on queues)',
  },
  number: {
    selector: '#pjax-container .sticky.bar .flush-left h2 a[href*="tickets.php?id="]',
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'ticket-view.inc.php: <h2><a href="tickets.php?id=ID">Ticket #NUMBER</a></h2>; the queue header h2 links elsewhere',
  },
  subject: {
    selector: '#pjax-container .tixTitle h3',
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'ticket-view.inc.php: <div class="clear tixTitle has_bottom_border"><h3>subject</h3>',
  },
  requesterName: {
    selector: '#pjax-container table.ticket_info span[id^="user-"][id$="-name"]',
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'ticket-view.inc.php: <span id="user-OWNERID-name"> in the User row',
  },
  requesterEmail: {
    selector: '#pjax-container table.ticket_info span[id^="user-"][id$="-email"]',
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'ticket-view.inc.php: <span id="user-OWNERID-email"> in the Email row',
  },
  entries: {
    selector: '#ticketThread #thread-items .thread-entry',
    expect: { 'ticket.html': 4, 'list.html': 0 },
    note: 'thread-entry.tmpl.php: class "thread-entry message|response|note|system"; thread events (.thread-event) are no entries',
  },
  anchor: {
    selector: '#pjax-container .tixTitle',
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'the subject bar; rebuilt on every pjax swap, so the overlay re-attaches after each',
  },
} as const satisfies Record<string, SelectorSpec>;

/** osTicket's staff panel lives in a directory named scp ("staff control panel"), under any prefix. */
const SCP_PATH = /\/scp\/(?:[A-Za-z0-9_-]+\.php)?$/;
/** Without a page to look at, only the ticket script of the staff panel is taken as osTicket. */
const SCP_TICKETS_PATH = /\/scp\/tickets\.php$/;

function isStaffPanel(doc: Document): boolean {
  if (!doc.querySelector(S.container.selector)) return false;
  // Any one of these is written by header.inc.php/footer.inc.php on every full staff page load;
  // they stay in <head>/<body> across pjax swaps.
  return Boolean(
    doc.querySelector('meta[http-equiv="x-pjax-version"]') ??
      doc.querySelector('link[href*="scp/css/scp.css"]') ??
      doc.querySelector('script[src*="scp/js/scp.js"]'),
  );
}

const ENTRY_AUTHOR: ReadonlyArray<[string, TicketMessage['author']]> = [
  // thread-entry.tmpl.php writes "system" instead of the type for system-posted entries
  // (automatic notes such as "ticket created by filter"): internal, so a note.
  ['system', 'note'],
  ['note', 'note'],
  ['response', 'agent'],
  ['message', 'customer'],
];

function readEntry(entry: Element): TicketMessage | null {
  const author = ENTRY_AUTHOR.find(([cls]) => entry.classList.contains(cls))?.[1];
  if (!author) return null;
  // .thread-body holds the body in its first <div>, then .clear and the attachment list.
  const body = entry.querySelector('.thread-body > div:first-child') ?? entry.querySelector('.thread-body');
  return { author, text: textOf(body) };
}

export const osticketAdapter: HelpdeskAdapter = {
  kind: 'osticket',
  label: 'osTicket',

  matches(url, doc) {
    if (!doc) return SCP_TICKETS_PATH.test(url.pathname);
    return SCP_PATH.test(url.pathname) && isStaffPanel(doc);
  },

  readTicket(doc, url) {
    // Queues, dashboards and the edit form have no thread: no ticket to read.
    if (!doc.querySelector(S.thread.selector)) return null;

    const link = querySelectorOrFail<HTMLAnchorElement>(doc, S.number.selector, 'ticket number');
    // "Ticket #%s" is translated, but every translation keeps the '#': the number follows it.
    const number = /#\s*(\S+)\s*$/.exec(textOf(link))?.[1];
    if (!number) throw new SelectorNotFoundError('ticket number', `${S.number.selector} (text "#NUMBER")`);
    // The header link is tickets.php?id=ID relative to the page, so it carries any install prefix.
    const ticketUrl = new URL(link.getAttribute('href') ?? '', url);
    ticketUrl.hash = '';

    const subject = querySelectorOrFail(doc, S.subject.selector, 'subject');
    const messages = [...doc.querySelectorAll(S.entries.selector)]
      .map(readEntry)
      .filter((m): m is TicketMessage => m !== null);

    return toTicketContext({
      helpdesk: 'osticket',
      ticketId: number,
      ticketUrl: ticketUrl.href,
      subject: textOf(subject),
      requesterName: textOf(doc.querySelector(S.requesterName.selector)),
      requesterEmail: textOf(doc.querySelector(S.requesterEmail.selector)),
      messages,
    });
  },

  anchor(doc) {
    return doc.querySelector(S.anchor.selector);
  },

  observeRoot(doc) {
    return doc.querySelector(S.container.selector);
  },

  selectors: S,

  testUrls: [
    'https://helpdesk.example.nl/support/scp/tickets.php?id=1042',
    'https://tickets.example.org/scp/tickets.php?id=7#reply',
    'https://tickets.example.org/scp/tickets.php?queue=1&p=2',
    'http://192.168.10.20:8080/osticket/scp/tickets.php?a=search&query=inzage',
  ],
};
