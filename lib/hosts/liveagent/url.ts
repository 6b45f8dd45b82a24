// LiveAgent agent panel URLs: a GWT app at /agent/ (often /agent/index.php?rnd=<n>) on the account's
// ladesk.com subdomain, routed by the hash: #Conversation;id=<conversation id> for a ticket,
// #Tickets, #Dashboard, #Chats... for the rest. The same host serves the customer portal and
// knowledge base outside /agent.

const HOST = /^[a-z0-9][a-z0-9-]*\.ladesk\.com$/i;
const AGENT_PATH = /^\/agent(?:\/(?:index\.php)?)?$/;
const CONVERSATION_HASH = /^#Conversation;(?:[^;]*;)*id=([A-Za-z0-9]+)(?:;.*)?$/;

export function isLiveAgentAgentUrl(url: URL): boolean {
  return url.protocol === 'https:' && HOST.test(url.hostname) && AGENT_PATH.test(url.pathname);
}

/** The conversation id of #Conversation;id=<id>, or undefined for every other panel page. */
export function liveAgentConversationId(url: URL): string | undefined {
  return isLiveAgentAgentUrl(url) ? CONVERSATION_HASH.exec(url.hash)?.[1] : undefined;
}

/** Canonical form: without the cache-busting ?rnd= and index.php. */
export function liveAgentTicketUrl(url: URL, id: string): string {
  return `${url.origin}/agent/#Conversation;id=${id}`;
}

export const LIVEAGENT_TEST_URLS = [
  'https://fietsenmaker.ladesk.com/agent/index.php?rnd=4821#Conversation;id=k3x9qw2m',
  'https://fietsenmaker.ladesk.com/agent/#Tickets',
  'https://gymbeam-eu.ladesk.com/agent/index.php?rnd=8325#Conversation;id=uccfa2sj',
  'https://plotbase-demo.ladesk.com/agent/#Conversation;id=0f114222',
  'https://plotbase-demo.ladesk.com/agent/index.php#Dashboard',
  'https://support-team.ladesk.com/agent/',
] as const;
