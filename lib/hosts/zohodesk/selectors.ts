// Selectors of Zoho Desk's agent UI. The current UI (2023+) uses CSS-module class names of the form
// zd_v2-<component>-<name> (2022: zd-<component>-<name>) plus data-id / data-test-id attributes.
// Sources: TMetric's Zoho Desk integration (.ticket-DVPanel / .zd-ticketdetailview-container /
// .zd_v2-ticketdetailview-container, #caseNum, #caseSubjectText, the two URL forms), the Clockify
// integration (.zd_v2-ticketsubject-ticketIdText, [data-id="caseSubjectText"], .zd_v2-ticketsubject-rightSideDiv),
// a Chrome-extension test suite for Zoho Desk (container data-id="subTab_<record id>", several
// containers mounted during SPA transitions, .zd_v2-threadlistitemcommon-subjectWrapper,
// .zd_v2-conversationlistcommon-contentWrapper with data-id="threadContent" for threads and
// data-id="content" for comments and quoted copies), the SAH userscript (.zd_v2-customerprofile-*).
import type { SelectorSpec } from '../adapter';

export const ZOHO_DESK_SELECTORS = {
  detailView: {
    selector: '.zd_v2-ticketdetailview-container',
    expect: { 'ticket.html': 2, 'list.html': 0, 'ticket-classic.html': 0 },
    note: 'one per open ticket sub-tab (data-id="subTab_<record id>"); the previous ticket stays mounted, hidden',
  },
  subject: {
    selector: 'h1[data-id="caseSubjectText"]',
    expect: { 'ticket.html': 2, 'list.html': 0, 'ticket-classic.html': 0 },
    note: 'subject heading; data-title holds the untruncated subject',
  },
  subjectActions: {
    selector: '.zd_v2-ticketsubject-rightSideDiv',
    expect: { 'ticket.html': 2, 'list.html': 0, 'ticket-classic.html': 0 },
    note: 'action area beside the subject (Clockify inserts its button here); survives new threads',
  },
  contentWrapper: {
    selector: '.zd_v2-conversationlistcommon-contentWrapper',
    expect: { 'ticket.html': 6, 'list.html': 0, 'ticket-classic.html': 0 },
    note: 'message bodies: data-id="threadContent" for e-mail threads, data-id="content" for comments; a wrapper inside another is a quoted copy',
  },
  threadItem: {
    selector: '.zd_v2-threadlistitemcommon-container',
    expect: { 'ticket.html': 4, 'list.html': 0, 'ticket-classic.html': 0 },
    note: 'one per thread (e-mail, chat, web form); holds the direction modifier',
  },
  incomingThread: {
    selector: '.zd_v2-threadlistitemcommon-in',
    expect: { 'ticket.html': 3, 'list.html': 0, 'ticket-classic.html': 0 },
    note: 'thread received from the contact (API direction "in"); outgoing threads lack it',
  },
  contactName: {
    selector: '.zd_v2-customerprofile-staticSectionCnt [data-id="contactName"]',
    expect: { 'ticket.html': 2, 'list.html': 0, 'ticket-classic.html': 0 },
    note: 'contact card in the ticket right panel',
  },
  contactEmail: {
    selector: '.zd_v2-customerprofile-staticSectionCnt a[href^="mailto:"]',
    expect: { 'ticket.html': 2, 'list.html': 0, 'ticket-classic.html': 0 },
    note: 'primary e-mail of the contact',
  },
  classicPanel: {
    selector: '.ticket-DVPanel',
    expect: { 'ticket.html': 0, 'list.html': 0, 'ticket-classic.html': 1 },
    note: 'classic UI (before 2022, #Cases/dv/<id> URLs): ticket detail panel',
  },
  classicSubject: {
    selector: '#caseSubjectText',
    expect: { 'ticket.html': 0, 'list.html': 0, 'ticket-classic.html': 1 },
    note: 'classic UI subject',
  },
  classicThread: {
    selector: '.ticket-DVPanel .threadContainer',
    expect: { 'ticket.html': 0, 'list.html': 0, 'ticket-classic.html': 3 },
    note: 'classic UI: one per thread or comment, classes incoming / outgoing / comment',
  },
  classicThreadContent: {
    selector: '.ticket-DVPanel .threadContainer .threadContent',
    expect: { 'ticket.html': 0, 'list.html': 0, 'ticket-classic.html': 3 },
    note: 'classic UI: body of a thread or comment',
  },
  classicContactName: {
    selector: '#contactName',
    expect: { 'ticket.html': 0, 'list.html': 0, 'ticket-classic.html': 1 },
    note: 'classic UI: contact name in the ticket properties',
  },
  classicContactEmail: {
    selector: '#contactEmail',
    expect: { 'ticket.html': 0, 'list.html': 0, 'ticket-classic.html': 1 },
    note: 'classic UI: contact e-mail in the ticket properties',
  },
} as const satisfies Record<string, SelectorSpec>;
