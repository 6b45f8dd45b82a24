// Selectors of the Zendesk agent workspace (React + the Garden design system). data-test-id and
// data-garden-id are the hooks public extensions rely on; the hashed sc-* class names change with
// every release. Sources: toggl/track-extension src/content/zendesk.js (.ticket-panes-grid-layout,
// omni-header-subject, data-side-conversations-anchor-id), a Zendesk "Rate Ticket" extension
// (.ticket-panes-grid-layout[data-is-active="true"]), the "Support Toolkit" extension's
// zendesk-selectors.js and transcript.js (column-N panes, omni-log-*, type="end-user|agent|internal",
// omni-log-internal-note-tag), Playwright scripts (ticket-system-field-requester-select).
import type { SelectorSpec } from '../adapter';

export const ZENDESK_SELECTORS = {
  workspace: {
    selector: '.ticket-panes-grid-layout',
    expect: { 'ticket.html': 2, 'list.html': 1 },
    note: 'one grid per open ticket tab (data-test-id="ticket-<id>-custom-layout"); every open tab stays mounted, also while a view is shown',
  },
  activeWorkspace: {
    selector: '.ticket-panes-grid-layout[data-is-active="true"]',
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'the tab the agent is looking at; the others keep data-is-active="false"',
  },
  ticketAnchorId: {
    selector: '[data-side-conversations-anchor-id]',
    expect: { 'ticket.html': 2, 'list.html': 1 },
    note: 'carries the ticket id inside each workspace (toggl reads it too); used when the grid has no custom-layout test id',
  },
  subject: {
    selector: 'input[data-test-id="omni-header-subject"]',
    expect: { 'ticket.html': 2, 'list.html': 1 },
    note: 'editable subject input in the conversation header: read .value',
  },
  requester: {
    selector: '[data-test-id="ticket-system-field-requester-select"]',
    expect: { 'ticket.html': 2, 'list.html': 1 },
    note: 'requester combobox in the ticket properties pane; shows the name, not the address',
  },
  requesterEmail: {
    selector: '[data-test-id="column-3"] a[href^="mailto:"]',
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'address link in the customer context pane (column-3); absent when the pane is collapsed or shows apps',
  },
  log: {
    selector: '[data-test-id="omni-log-container"]',
    expect: { 'ticket.html': 2, 'list.html': 1 },
    note: 'conversation log of a workspace',
  },
  logItem: {
    selector: 'article[data-test-id="omni-log-comment-item"]',
    expect: { 'ticket.html': 6, 'list.html': 2 },
    note: 'one article per comment, in page order (events and SLA dividers are no articles)',
  },
  message: {
    selector: '[data-test-id="omni-log-item-message"]',
    expect: { 'ticket.html': 6, 'list.html': 2 },
    note: 'type="end-user" | "agent" | "internal"; aria-hidden copies are skipped',
  },
  messageContent: {
    selector: '[data-test-id="omni-log-message-content"]',
    expect: { 'ticket.html': 6, 'list.html': 2 },
    note: 'the comment body without sender, time and read indicators',
  },
  internalNoteTag: {
    selector: '[data-test-id="omni-log-internal-note-tag"]',
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'the "Internal note" badge on private comments',
  },
  conversationPane: {
    selector: '[data-test-id="column-2"]',
    expect: { 'ticket.html': 2, 'list.html': 1 },
    note: 'MainConversationPane of a workspace: lives as long as its tab, unlike the log items inside it',
  },
  main: {
    selector: 'main[data-garden-id="navigation.main"]',
    expect: { 'ticket.html': 1, 'list.html': 1 },
    note: 'routed content area holding every workspace; tab switches flip data-is-active inside it',
  },
} as const satisfies Record<string, SelectorSpec>;
