// Selectors of the Freshdesk agent app (Ember, "mint" UI). Sources: the better-viewlift userscript
// (Pepperoni-mc/viewlift-userscripts, memory.md "Freshdesk DOM notes", read off live pages in 2026:
// .ticket-details__item per message, [data-test-id="ticket-description"], .rich-editor reply box,
// .ticket_note[data-note-id], [data-test-conversation="conversation-text"], .conversation-header,
// .ticket-details__privatenote, section#mainactionbar, the subject only in document.title, the
// contact card in the shadow DOM of fw-unified-mfe--contact-info); the Kodex Freshdesk content
// script (.sender-info [data-test-id="user-name"]); Clockify/Toggl integrations
// (.app-main-wrapper:has(#ticket-details), .ticket-subject-heading, .sentiment-ticket-heading).
import type { SelectorSpec } from '../adapter';

export const FRESHDESK_SELECTORS = {
  appMain: {
    selector: '.app-main-wrapper',
    expect: { 'ticket.html': 1, 'list.html': 1 },
    note: 'routed content area of every agent page',
  },
  ticketDetails: {
    selector: '#ticket-details',
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'root of the ticket page (Clockify keys on .app-main-wrapper:has(#ticket-details))',
  },
  actionBar: {
    selector: 'section#mainactionbar',
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'the ticket toolbar (Reply, Add note, ...); renders before .page-actions__left, kept across replies',
  },
  subjectHeading: {
    selector: '.ticket-subject-heading, .sentiment-ticket-heading',
    expect: { 'ticket.html': 0, 'list.html': 0 },
    note: 'subject heading of the light-DOM layouts (mint 2018+: .ticket-subject-heading; later .sentiment-ticket-heading); the current layout renders it in shadow DOM, then document.title is read',
  },
  item: {
    selector: '#ticket-details .ticket-details__item',
    expect: { 'ticket.html': 5, 'list.html': 0 },
    note: 'one per rendered message, in page order; collapsed ones ("+N conversations") are not rendered',
  },
  replyBox: {
    selector: '.ticket-details__item.rich-editor',
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'the reply editor shares the item class and is no message',
  },
  description: {
    selector: '[data-test-id="ticket-description"]',
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'the first message: what the requester reported',
  },
  privateNote: {
    selector: '.ticket-details__privatenote',
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'private notes, agent-only',
  },
  requestorItem: {
    selector: '.ticket-details__requestor',
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'follow-up written by the requester (class Freshdesk apps mirror for requester messages)',
  },
  senderName: {
    selector: '.conversation-header .sender-info [data-test-id="user-name"]',
    expect: { 'ticket.html': 4, 'list.html': 0 },
    note: 'author of a message; in the description it is the requester',
  },
  body: {
    selector: '.ticket_note [data-test-conversation="conversation-text"]',
    expect: { 'ticket.html': 4, 'list.html': 0 },
    note: 'message text without header and attachments',
  },
  contactInfo: {
    selector: 'fw-unified-mfe--contact-info, mfe-application[app-id="fw-unified-mfe--contact-info"]',
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'contact card host: the fw-unified-mfe--contact-info element, or the mfe-application[app-id] wrapper some builds mount it in (viewlift reads both); name and e-mail live in its shadow root, which a saved page does not contain',
  },
} as const satisfies Record<string, SelectorSpec>;
