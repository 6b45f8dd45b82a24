// The bundled demo helpdesk (demo/helpdesk/): a small pushState SPA served on localhost.
import type { HelpdeskAdapter } from '../adapter';
import { toTicketContext } from '../ticket-context';
import { querySelectorOrFail, textOf, valueOrText } from '../../dom/query';

const FINGERPRINT = 'meta[name="generator"][content="Privacy Desk demo helpdesk"]';
const TICKET_PATH = /^\/tickets\/(\d+)\/?$/;

const S = {
  ticket: { selector: 'section[data-page="ticket"]', expect: { 'ticket.html': 1, 'list.html': 0 } },
  subject: { selector: 'section[data-page="ticket"] input.ticket-subject', expect: { 'ticket.html': 1 } },
  requesterName: { selector: '[data-requester] .requester-name', expect: { 'ticket.html': 1, 'list.html': 0 } },
  requesterEmail: { selector: '[data-requester] .requester-email', expect: { 'ticket.html': 1 } },
  messages: { selector: '.thread article.message', expect: { 'ticket.html': 2, 'list.html': 0 } },
  anchor: { selector: '[data-requester] .pd-anchor', expect: { 'ticket.html': 1 } },
} as const;

export const demoAdapter: HelpdeskAdapter = {
  kind: 'demo',
  label: 'Demo helpdesk',
  matches(url, document) {
    const local = (url.hostname === 'localhost' || url.hostname === '127.0.0.1') && url.pathname.startsWith('/tickets');
    return local && (!document || document.querySelector(FINGERPRINT) !== null);
  },
  readTicket(document, url) {
    const id = TICKET_PATH.exec(url.pathname)?.[1];
    if (!id) return null;
    const section = document.querySelector<HTMLElement>(S.ticket.selector);
    // The SPA renders the new ticket right after pushState; until then the old one may be mounted.
    if (!section || section.dataset.ticketId !== id) return null;
    const messages = [...section.querySelectorAll<HTMLElement>(S.messages.selector)].map((m) => ({
      author: (m.dataset.author === 'agent' || m.dataset.author === 'note' ? m.dataset.author : 'customer') as 'customer' | 'agent' | 'note',
      text: textOf(m.querySelector('.message-body')),
    }));
    const email = textOf(section.querySelector(S.requesterEmail.selector));
    return toTicketContext({
      helpdesk: 'demo',
      ticketId: id,
      ticketUrl: `${url.origin}/tickets/${id}`,
      subject: valueOrText(querySelectorOrFail(section, S.subject.selector, 'subject')),
      requesterName: textOf(querySelectorOrFail(section, S.requesterName.selector, 'requester name')) || undefined,
      requesterEmail: email || undefined,
      messages,
    });
  },
  anchor: (document) => document.querySelector(S.anchor.selector),
  observeRoot: (document) => document.getElementById('app'),
  selectors: S,
  testUrls: ['http://localhost:4173/tickets/1042', 'http://127.0.0.1:8080/tickets', 'http://localhost/tickets/7'],
};
