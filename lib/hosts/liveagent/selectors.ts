// Selectors of the LiveAgent agent panel, a GWT application: widgets carry GWT's default style
// names (gwt-Label, gwt-TextBox) plus PascalCase names of LiveAgent's own widgets. Established by
// public sources: .gwt-Label.LoggedUserName and .LoginButton (a Cypress test against a *.ladesk.com
// panel), .DetailsFormfield rows holding .gwt-Label values and .gwt-TextBox[name="<field name>"]
// inputs for ticket/contact fields (moderntribe/tampermonkey-scripts liveagent-clickafy-*.user.js),
// the #Conversation;id=<id> route. GWT deck panels hide inactive views with style="display: none;".
// The conversation widgets below (ConversationView, TicketSubject, MessageGroup*, Contact*) are
// approximations in LiveAgent's naming style: no public source shows them.
import type { SelectorSpec } from '../adapter';

export const LIVEAGENT_SELECTORS = {
  loggedUser: {
    selector: '.gwt-Label.LoggedUserName',
    expect: { 'ticket.html': 1, 'list.html': 1 },
    note: 'the logged-in agent in the top bar (established); present on every panel page',
  },
  conversationView: {
    selector: '.ConversationView',
    expect: { 'ticket.html': 2, 'list.html': 0 },
    note: 'one per opened conversation in a GWT deck panel; inactive ones are display: none',
  },
  subject: {
    selector: '.TicketSubject',
    expect: { 'ticket.html': 2, 'list.html': 0 },
    note: 'subject label in the conversation header',
  },
  messageGroup: {
    selector: '.MessageGroup',
    expect: { 'ticket.html': 5, 'list.html': 0 },
    note: 'one per message group (e-mail, reply, chat, internal note), in page order',
  },
  customerGroup: {
    selector: '.MessageGroup.MessageGroupCustomer',
    expect: { 'ticket.html': 3, 'list.html': 0 },
    note: 'message group written by the requester (e-mail, chat, contact form)',
  },
  noteGroup: {
    selector: '.MessageGroup.MessageGroupNote',
    expect: { 'ticket.html': 1, 'list.html': 0 },
    note: 'internal note, visible to agents only',
  },
  messageText: {
    selector: '.MessageText',
    expect: { 'ticket.html': 5, 'list.html': 0 },
    note: 'body of a message group without its header',
  },
  contactName: {
    selector: '.ContactInfoPanel .ContactName',
    expect: { 'ticket.html': 2, 'list.html': 0 },
    note: 'requester name in the contact panel beside the conversation',
  },
  contactEmail: {
    selector: '.ContactInfoPanel .ContactEmail',
    expect: { 'ticket.html': 2, 'list.html': 0 },
    note: 'requester e-mail in the contact panel',
  },
  conversationHeader: {
    selector: '.ConversationHeader',
    expect: { 'ticket.html': 2, 'list.html': 0 },
    note: 'header of a conversation view (ticket code, subject, status); kept while messages arrive',
  },
  detailsField: {
    selector: '.DetailsFormfield',
    expect: { 'ticket.html': 3, 'list.html': 0 },
    note: 'ticket/contact custom fields (established); not read, the anchor sits above them',
  },
} as const satisfies Record<string, SelectorSpec>;
