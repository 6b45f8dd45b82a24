// Freshdesk agent app URLs: /a/... on the account's freshdesk.com subdomain. The same host serves
// the customer portal under /support/..., which is no agent page.

const HOST = /^[a-z0-9][a-z0-9-]*\.freshdesk\.com$/i;
const TICKET_PATH = /^\/a\/tickets\/(\d+)\/?$/;

/** Any page of the agent app: ticket, ticket list, dashboard, contacts. */
export function isFreshdeskAgentUrl(url: URL): boolean {
  return url.protocol === 'https:' && HOST.test(url.hostname) && /^\/a(?:\/|$)/.test(url.pathname);
}

/** The ticket number of /a/tickets/<id>, or undefined (lists are /a/tickets/filters/...). */
export function freshdeskTicketId(url: URL): string | undefined {
  return isFreshdeskAgentUrl(url) ? TICKET_PATH.exec(url.pathname)?.[1] : undefined;
}

export function freshdeskTicketUrl(url: URL, id: string): string {
  return `${url.origin}/a/tickets/${id}`;
}

export const FRESHDESK_TEST_URLS = [
  'https://trattoria-digitale.freshdesk.com/a/tickets/1587',
  'https://trattoria-digitale.freshdesk.com/a/tickets/filters/all_tickets',
  'https://velo-berlin.freshdesk.com/a/tickets/20419/',
  'https://velo-berlin.freshdesk.com/a/dashboard/default',
  'https://boutique-lyon.freshdesk.com/a/contacts/103000456789',
] as const;
