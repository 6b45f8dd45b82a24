// A tiny single-page helpdesk: a ticket list and a ticket view, navigated with pushState like the
// real SaaS agent UIs. All customer text is set with textContent.
import { TICKETS } from './data.js';

const app = document.getElementById('app');

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

function renderList() {
  document.title = 'Tickets — Acme Support';
  const rows = TICKETS.map((t) =>
    el('tr', { 'data-ticket-row': t.id },
      el('td', {}, `#${t.id}`),
      el('td', {}, el('a', { href: `/tickets/${t.id}`, 'data-nav': '' }, t.subject)),
      el('td', {}, t.requester.name),
      el('td', {}, new Date(t.received).toLocaleString('en-GB', { timeZone: 'Europe/Amsterdam' })),
      el('td', {}, t.status)));
  app.replaceChildren(
    el('section', { class: 'ticket-list', 'data-page': 'ticket-list' },
      el('h1', {}, 'All open tickets'),
      el('table', {}, el('thead', {}, el('tr', {}, ...['ID', 'Subject', 'Requester', 'Received', 'Status'].map((h) => el('th', {}, h)))), el('tbody', {}, ...rows))));
}

function renderTicket(ticket) {
  document.title = `#${ticket.id} ${ticket.subject} — Acme Support`;
  const thread = ticket.messages.map((m) =>
    el('article', { class: `message message--${m.author}`, 'data-author': m.author },
      el('div', { class: 'message-meta' }, m.author === 'customer' ? ticket.requester.name : m.author === 'note' ? 'Internal note · Support agent' : 'Support agent'),
      el('div', { class: 'message-body' }, m.text)));
  const index = TICKETS.indexOf(ticket);
  const next = TICKETS[(index + 1) % TICKETS.length];
  app.replaceChildren(
    el('section', { class: 'ticket', 'data-page': 'ticket', 'data-ticket-id': ticket.id },
      el('div', { class: 'ticket-header' },
        el('span', { class: 'ticket-number' }, `#${ticket.id}`),
        el('a', { class: 'ticket-next', href: `/tickets/${next.id}`, 'data-nav': '' }, `Next ticket #${next.id} →`),
        el('input', { class: 'ticket-subject', 'aria-label': 'Subject', value: ticket.subject })),
      el('div', { class: 'ticket-body' },
        el('div', { class: 'thread' }, ...thread,
          el('div', { class: 'reply' }, el('textarea', { 'aria-label': 'Reply', placeholder: 'Write a reply…' }), el('button', { type: 'button' }, 'Send'))),
        el('aside', { class: 'requester', 'data-requester': '' },
          el('h2', {}, 'Requester'),
          el('div', { class: 'requester-name' }, ticket.requester.name),
          el('div', { class: 'requester-email' }, ticket.requester.email),
          el('div', { class: 'pd-anchor', id: 'apps-panel' }, el('h3', {}, 'Apps'))))));
}

function route() {
  const match = /^\/tickets\/(\d+)/.exec(location.pathname);
  const ticket = match && TICKETS.find((t) => t.id === match[1]);
  if (ticket) renderTicket(ticket);
  else renderList();
}

document.addEventListener('click', (event) => {
  const link = event.target.closest?.('a[data-nav]');
  if (!link) return;
  event.preventDefault();
  history.pushState({}, '', link.getAttribute('href'));
  route();
});
window.addEventListener('popstate', route);
route();
