// Help Scout URLs: the whole web app is secure.helpscout.net. A conversation is
// /conversation/<id>/<number>/ (id: the conversation's id, number: the mailbox-wide number shown
// as #number), sometimes without the number or with ?folderId= / ?viewId= and a #thread-<id>
// fragment; mailboxes (/mailbox/<id>/<folder>/), the newer inboxes (/inboxes/<id>/views/<id>),
// the dashboard, customers and search are no conversations.

const HOST = 'secure.helpscout.net';
const CONVERSATION_PATH = /^\/conversation\/(\d+)(?:\/(\d+))?\/?$/;

export function isHelpScoutUrl(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === HOST;
}

/** The conversation id and number of /conversation/<id>/<number>/, or undefined. */
export function helpScoutConversation(url: URL): { id: string; number?: string } | undefined {
  if (!isHelpScoutUrl(url)) return undefined;
  const match = CONVERSATION_PATH.exec(url.pathname);
  if (!match?.[1]) return undefined;
  return match[2] ? { id: match[1], number: match[2] } : { id: match[1] };
}

/** Canonical form: without folderId/viewId and the thread fragment. */
export function helpScoutTicketUrl(conversation: { id: string; number?: string }): string {
  const number = conversation.number ? `${conversation.number}/` : '';
  return `https://${HOST}/conversation/${conversation.id}/${number}`;
}

export const HELPSCOUT_TEST_URLS = [
  'https://secure.helpscout.net/conversation/2871043562/30581/',
  'https://secure.helpscout.net/conversation/2871043562/30581?folderId=7310452',
  'https://secure.helpscout.net/conversation/3297862965/44477?viewId=8514301#thread-9120044871',
  'https://secure.helpscout.net/conversation/3165421267/',
  'https://secure.helpscout.net/mailbox/6f3e1a2b9c8d7e6f/7310452/',
  'https://secure.helpscout.net/inboxes/508ac92f66c3dcff/views/99451',
  'https://secure.helpscout.net/dashboard/',
] as const;
