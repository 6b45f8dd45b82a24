// Zendesk Support agent workspace URLs. The agent app lives under /agent on the account's
// zendesk.com subdomain; the same host also serves the Help Center (/hc/...) and the API
// (/api/v2/...), which are no agent pages.

const HOST = /^[a-z0-9][a-z0-9-]*\.zendesk\.com$/i;
const TICKET_PATH = /^\/agent\/tickets\/(\d+)\/?$/;

/** Any page of the agent app: ticket, view, dashboard, search, user page. */
export function isZendeskAgentUrl(url: URL): boolean {
  return url.protocol === 'https:' && HOST.test(url.hostname) && /^\/agent(?:\/|$)/.test(url.pathname);
}

/** The ticket number of /agent/tickets/<id>, or undefined for every other page. */
export function zendeskTicketId(url: URL): string | undefined {
  return isZendeskAgentUrl(url) ? TICKET_PATH.exec(url.pathname)?.[1] : undefined;
}

export function zendeskTicketUrl(url: URL, id: string): string {
  return `${url.origin}/agent/tickets/${id}`;
}

export const ZENDESK_TEST_URLS = [
  'https://jansen-retail.zendesk.com/agent/tickets/48230',
  'https://jansen-retail.zendesk.com/agent/tickets/48213/',
  'https://bergmann-gmbh.zendesk.com/agent/filters/360001234567',
  'https://acme-eu.zendesk.com/agent/dashboard',
  'https://acme-eu.zendesk.com/agent/home/tickets',
  'https://support-nl.zendesk.com/agent/search/1?q=inzage',
] as const;
