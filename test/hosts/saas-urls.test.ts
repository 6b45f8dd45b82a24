// The SaaS URL detectors: which pages are the agent app, which are tickets, and the canonical
// ticket URL (no cache busters, folder ids or thread fragments).
import { describe, expect, it } from 'vitest';
import { SAAS_ADAPTERS } from '../../lib/hosts/saas';
import { zendeskTicketId } from '../../lib/hosts/zendesk/url';
import { freshdeskTicketId } from '../../lib/hosts/freshdesk/url';
import { zohoTicketRoute } from '../../lib/hosts/zohodesk/url';
import { liveAgentConversationId, liveAgentTicketUrl } from '../../lib/hosts/liveagent/url';
import { helpScoutConversation, helpScoutTicketUrl } from '../../lib/hosts/helpscout/url';

const u = (raw: string) => new URL(raw);

describe('SaaS URL detectors', () => {
  it.each([
    'https://www.zendesk.com/pricing/',
    'https://jansen-retail.zendesk.com/hc/nl/requests/48230',
    'https://jansen-retail.zendesk.com/api/v2/tickets/48230.json',
    'https://jansen-retail.zendesk.com.evil.example/agent/tickets/48230',
    'https://evil.example/agent/tickets/48230?next=jansen-retail.zendesk.com',
    'http://jansen-retail.zendesk.com/agent/tickets/48230',
    'https://trattoria-digitale.freshdesk.com/support/tickets/1587',
    'https://trattoria-digitale.freshdesk.com/support/home',
    'https://desk.zoho.eu/portal/boulangeriedupont/fr/kb',
    'https://desk.zoho.evil.example/agent/x/y/tickets/details/1',
    'https://fietsenmaker.ladesk.com/',
    'https://fietsenmaker.ladesk.com/kb/article/retouren',
    'https://www.helpscout.com/',
    'https://docs.helpscout.com/article/1-gdpr',
    'https://support.example.org/conversation/123?folder_id=4',
  ])('no SaaS adapter claims %s', (raw) => {
    expect(SAAS_ADAPTERS.filter((a) => a.matches(u(raw))).map((a) => a.kind)).toEqual([]);
  });

  it('Zendesk: ticket id only on /agent/tickets/<n>', () => {
    expect(zendeskTicketId(u('https://acme-eu.zendesk.com/agent/tickets/48230/'))).toBe('48230');
    expect(zendeskTicketId(u('https://acme-eu.zendesk.com/agent/tickets/48230/events'))).toBeUndefined();
    expect(zendeskTicketId(u('https://acme-eu.zendesk.com/agent/filters/360001234567'))).toBeUndefined();
  });

  it('Freshdesk: ticket id only on /a/tickets/<n>', () => {
    expect(freshdeskTicketId(u('https://velo-berlin.freshdesk.com/a/tickets/20419?current_tab=details'))).toBe('20419');
    expect(freshdeskTicketId(u('https://velo-berlin.freshdesk.com/a/tickets/filters/all_tickets'))).toBeUndefined();
  });

  it('Zoho Desk: current and classic ticket routes with canonical URLs', () => {
    expect(zohoTicketRoute(u('https://desk.zoho.com/agent/acme/support/tickets/details/598100000012345001/conversation'))).toEqual({
      variant: 'agent',
      id: '598100000012345001',
      url: 'https://desk.zoho.com/agent/acme/support/tickets/details/598100000012345001',
    });
    expect(zohoTicketRoute(u('https://desk.zoho.in/support/chaiwala/ShowHomePage.do#Cases/dv/71000000231447'))).toEqual({
      variant: 'classic',
      id: '71000000231447',
      url: 'https://desk.zoho.in/support/chaiwala/ShowHomePage.do#Cases/dv/71000000231447',
    });
    expect(zohoTicketRoute(u('https://desk.zoho.eu/agent/acme/support/tickets/list/all-cases'))).toBeUndefined();
    expect(zohoTicketRoute(u('https://desk.zoho.eu/support/acme/ShowHomePage.do#Cases'))).toBeUndefined();
  });

  it('LiveAgent: conversation id from the hash, canonical URL without ?rnd=', () => {
    const url = u('https://gymbeam-eu.ladesk.com/agent/index.php?rnd=8325#Conversation;id=uccfa2sj');
    expect(liveAgentConversationId(url)).toBe('uccfa2sj');
    expect(liveAgentTicketUrl(url, 'uccfa2sj')).toBe('https://gymbeam-eu.ladesk.com/agent/#Conversation;id=uccfa2sj');
    expect(liveAgentConversationId(u('https://gymbeam-eu.ladesk.com/agent/#Tickets'))).toBeUndefined();
  });

  it('Help Scout: conversation id and number, canonical URL without folder or thread', () => {
    const conversation = helpScoutConversation(
      u('https://secure.helpscout.net/conversation/3297862965/44477?viewId=8514301#thread-9120044871'),
    );
    expect(conversation).toEqual({ id: '3297862965', number: '44477' });
    expect(helpScoutTicketUrl(conversation!)).toBe('https://secure.helpscout.net/conversation/3297862965/44477/');
    expect(helpScoutTicketUrl(helpScoutConversation(u('https://secure.helpscout.net/conversation/3165421267'))!)).toBe(
      'https://secure.helpscout.net/conversation/3165421267/',
    );
    expect(helpScoutConversation(u('https://secure.helpscout.net/mailbox/6f3e1a2b9c8d7e6f/7310452/'))).toBeUndefined();
  });
});
