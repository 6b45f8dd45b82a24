// Zammad agent UI: a single-page app (Spine/CoffeeScript, routes in the hash: #ticket/zoom/<id>).
// Its TaskManager (app/lib/app_post/task_manager.coffee) gives every open tab a container
// <div id="content_permanent_<task key>" class="content horizontal flex"> and marks the shown one
// "active"; the others get "hide" (recent releases also detach hidden ticket tabs, older ones keep
// them mounted). So the adapter reads only inside the active container, never the first match.
//
// Ticket id: the ticket *number* shown to agents ("Ticket# 31042", ticket_hook + number), not the
// internal id of #ticket/zoom/<id>; the internal id only appears in ticketUrl.
import type { HelpdeskAdapter, SelectorSpec } from '../adapter';
import type { TicketMessage } from '../../model/helpdesk';
import { mailtoAddress, nameAddrEmail, querySelectorOrFail, textOf } from '../../dom/query';
import { toTicketContext } from '../ticket-context';

// The active tab's container, whatever it shows (a ticket, an overview, the dashboard).
const ACTIVE = '[id^="content_permanent_"].content.active';
// The active tab when it is a ticket zoom (task key "Ticket-<id>").
const ACTIVE_TICKET = '[id^="content_permanent_Ticket-"].content.active';

// Markup from app/assets/javascripts/app/views/ticket_zoom.jst.eco, ticket_zoom/title.jst.eco,
// ticket_zoom/meta.jst.eco, ticket_zoom/article_view.jst.eco (+ controllers/ticket_zoom/article_view.coffee,
// which sets the item's classes), generic/sidebar_tabs.jst.eco + widget/user.jst.eco (customer sidebar),
// navigation.jst.eco and ticket_overview/index.jst.eco (Zammad 6.x).
const S = {
  navigation: {
    selector: '#app #navigation #global-search',
    expect: { 'ticket.html': 1, 'list.html': 1 },
    note: 'navigation.jst.eco: the left navigation with the global search, on every agent screen',
  },
  tabs: {
    selector: '#app [id^="content_permanent_"].content',
    expect: { 'ticket.html': 2, 'list.html': 2 },
    note: 'task_manager.coffee: one container per mounted tab (ticket.html: two tickets; list.html: the overview and a hidden ticket)',
  },
  activeTab: {
    selector: ACTIVE,
    expect: { 'ticket.html': 1, 'list.html': 1 },
    note: 'task_manager.coffee show(): addClass("active") on the shown tab only',
  },
  activeTicket: {
    selector: ACTIVE_TICKET,
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'the active tab is a ticket zoom (key "Ticket-<id>"); on overviews the active tab is TicketOverview',
  },
  number: {
    selector: `${ACTIVE_TICKET} .ticketZoom-header .ticket-number`,
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'meta.jst.eco: <span class="ticket-number js-objectNumber">; the copy in .scrollPageHeader is left out',
  },
  title: {
    selector: `${ACTIVE_TICKET} .ticketZoom-header .ticket-title-update`,
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'title.jst.eco: <div contenteditable class="ticket-title-update js-objectTitle">; the copy in .scrollPageHeader is left out',
  },
  articles: {
    selector: `${ACTIVE_TICKET} .ticket-article .ticket-article-item`,
    expect: { 'ticket.html': 5, 'list.html': 0 },
    note: 'article_view.coffee: "ticket-article-item customer|agent|system" (+ "is-internal"), one per article; system notifications among them carry no body',
  },
  customerName: {
    selector: `${ACTIVE_TICKET} .tabsSidebar .sidebar[data-tab="customer"] .sidebar-content .sidebar-block h3`,
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'widget/user.jst.eco in the customer sidebar: <h3 title="Name">display name</h3>',
  },
  customerSidebar: {
    selector: `${ACTIVE_TICKET} .tabsSidebar .sidebar[data-tab="customer"] .sidebar-content`,
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'generic/sidebar_tabs.jst.eco: the customer tab; its user widget lists the e-mail among the attributes',
  },
  anchor: {
    selector: `${ACTIVE_TICKET} .ticketZoom-header`,
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'ticket_zoom.jst.eco: header with avatar, title and meta, inside the active tab',
  },
} as const satisfies Record<string, SelectorSpec>;

const TICKET_KEY = /^content_permanent_Ticket-(\d+)$/;
const ZOOM_ROUTE = /^#ticket\/zoom\/(\d+)(?:\/|$)/;

function isZammadApp(doc: Document): boolean {
  return Boolean(doc.querySelector(S.navigation.selector) && doc.querySelector(S.tabs.selector));
}

function authorOf(item: Element): TicketMessage['author'] | null {
  // article_view.coffee: internal articles (notes, internal replies) get "is-internal".
  if (item.classList.contains('is-internal')) return 'note';
  if (item.classList.contains('customer')) return 'customer';
  if (item.classList.contains('agent')) return 'agent';
  // System articles with a body are notes written by triggers and schedulers.
  if (item.classList.contains('system')) return 'note';
  return null;
}

function readArticle(item: Element): TicketMessage | null {
  const author = authorOf(item);
  // .richtext-content is the body (6.x); older releases put it straight into .textBubble-content.
  // System notifications (article_view_system.jst.eco) have neither: they are no message.
  const body = item.querySelector('.richtext-content') ?? item.querySelector('.textBubble-content');
  if (!author || !body) return null;
  return { author, text: textOf(body) };
}

/**
 * The From line of the first customer article ("Name <address>"), when the sidebar shows no address.
 * article_view.jst.eco prints From as the first meta row whenever the article has a sender; the
 * row keys are translated, so the position is what identifies it.
 */
function customerFromLine(articles: readonly Element[]): string | undefined {
  const first = articles.find((item) => item.classList.contains('customer'));
  const from = first?.querySelector('.article-meta.top .article-meta-row:first-child .article-meta-value');
  return from ? nameAddrEmail(textOf(from)) : undefined;
}

export const zammadAdapter: HelpdeskAdapter = {
  kind: 'zammad',
  label: 'Zammad',

  matches(url, doc) {
    // No URL shape is Zammad's alone (hash routes like #ticket/zoom/1 are generic), so a page is needed.
    // The app is served from its root path; every screen is a hash route of that one page.
    if (!doc) return false;
    return url.pathname.endsWith('/') && isZammadApp(doc);
  },

  readTicket(doc, url) {
    const active = doc.querySelector(ACTIVE);
    const internalId = active ? TICKET_KEY.exec(active.id)?.[1] : undefined;
    // The active tab is an overview, the dashboard, a user…: no ticket, even if tickets are mounted.
    if (!internalId) return null;
    // Between a route change and the tab switch the URL and the active tab disagree: read nothing
    // rather than the previous ticket. (#ticket/zoom/number/<n> routes carry no id to compare.)
    const routed = ZOOM_ROUTE.exec(url.hash)?.[1];
    if (routed !== undefined && routed !== internalId) return null;

    const number = textOf(querySelectorOrFail(doc, S.number.selector, 'ticket number'));
    const title = textOf(querySelectorOrFail(doc, S.title.selector, 'ticket title'));
    const articleItems = [...doc.querySelectorAll(S.articles.selector)];
    const messages = articleItems.map(readArticle).filter((m): m is TicketMessage => m !== null);

    // The sidebar is optional (collapsed sidebars may not be rendered yet); the e-mail is then taken
    // from the customer's own article.
    // Only the widget's mailto: link: the block's text also holds the customer's display name.
    const sidebarEmail = mailtoAddress(doc.querySelector(S.customerSidebar.selector)?.querySelector('a[href^="mailto:"]'));
    const requesterEmail = sidebarEmail ?? customerFromLine(articleItems);

    const ticketUrl = new URL(url.href);
    ticketUrl.search = '';
    ticketUrl.hash = `#ticket/zoom/${internalId}`;

    return toTicketContext({
      helpdesk: 'zammad',
      ticketId: number,
      ticketUrl: ticketUrl.href,
      subject: title,
      requesterName: textOf(doc.querySelector(S.customerName.selector)),
      requesterEmail,
      messages,
    });
  },

  anchor(doc) {
    return doc.querySelector(S.anchor.selector);
  },

  observeRoot(doc) {
    // Tabs are added to, detached from and re-attached to #app; "active" moves between them.
    return doc.querySelector('#app');
  },

  selectors: S,

  testUrls: [
    'https://support.example.it/#ticket/zoom/8123',
    'https://support.example.it/#ticket/zoom/8123/40211',
    'https://zammad.example.org/#ticket/view/all_unassigned',
    'https://zammad.example.org/#dashboard',
  ],
};
