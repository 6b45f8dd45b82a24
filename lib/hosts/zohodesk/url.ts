// Zoho Desk agent URLs, on the data centre's host (desk.zoho.com, .eu, .in, .com.au, .jp, .com.cn).
// Current UI: /agent/<portal>/<department>/tickets/details/<record id>[/<sub view>].
// Classic UI (still linked from old notifications): /support/<portal>/ShowHomePage.do#Cases/dv/<record id>.
// The customer portal lives under /portal/ and is no agent page.

const HOST = /^desk\.zoho\.(?:com|eu|in|com\.au|jp|com\.cn)$/i;
const AGENT_TICKET = /^\/agent\/([^/]+)\/([^/]+)\/tickets\/details\/(\d+)(?:\/[A-Za-z-]+)?\/?$/;
const CLASSIC_PAGE = /^\/support\/([^/]+)\/ShowHomePage\.do$/;
const CLASSIC_TICKET = /^#Cases\/dv\/(\d+)(?:\/.*)?$/;

export type ZohoTicketRoute =
  | { readonly variant: 'agent'; readonly id: string; readonly url: string }
  | { readonly variant: 'classic'; readonly id: string; readonly url: string };

/** Any page of the agent app, current (/agent/...) or classic (/support/<portal>/ShowHomePage.do). */
export function isZohoDeskAgentUrl(url: URL): boolean {
  if (url.protocol !== 'https:' || !HOST.test(url.hostname)) return false;
  return /^\/agent\/[^/]+/.test(url.pathname) || CLASSIC_PAGE.test(url.pathname);
}

/** The ticket a URL shows, with its canonical URL; undefined for lists, contacts, dashboards. */
export function zohoTicketRoute(url: URL): ZohoTicketRoute | undefined {
  if (!isZohoDeskAgentUrl(url)) return undefined;
  const agent = AGENT_TICKET.exec(url.pathname);
  if (agent) {
    const [, portal, department, id] = agent as unknown as [string, string, string, string];
    return { variant: 'agent', id, url: `${url.origin}/agent/${portal}/${department}/tickets/details/${id}` };
  }
  const classicId = CLASSIC_PAGE.test(url.pathname) ? CLASSIC_TICKET.exec(url.hash)?.[1] : undefined;
  if (classicId) return { variant: 'classic', id: classicId, url: `${url.origin}${url.pathname}#Cases/dv/${classicId}` };
  return undefined;
}

export const ZOHO_DESK_TEST_URLS = [
  'https://desk.zoho.eu/agent/boulangeriedupont/service-client/tickets/details/112233000004567890',
  'https://desk.zoho.eu/agent/boulangeriedupont/service-client/tickets/list/all-cases',
  'https://desk.zoho.com/agent/acmesupport/support/tickets/details/598100000012345001/conversation',
  'https://desk.zoho.in/agent/chaiwala/customer-care/tickets/details/71000000231447',
  'https://desk.zoho.com/support/acmefr/ShowHomePage.do#Cases/dv/112233000001234567',
  'https://desk.zoho.com.au/agent/koala-gear/help/dashboard',
] as const;
