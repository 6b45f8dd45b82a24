// Zoho Desk keeps the previous ticket's detail view (and other sub-tabs) mounted: only the visible
// view whose data-id names the URL's record id is read.
import { describe, expect, it } from 'vitest';
import { zohoDeskAdapter } from '../../lib/hosts/zohodesk/adapter';
import { loadPage } from './fixtures';

const SHOWN = 'https://desk.zoho.eu/agent/boulangeriedupont/service-client/tickets/details/112233000004567890';
const HIDDEN = 'https://desk.zoho.eu/agent/boulangeriedupont/service-client/tickets/details/112233000004512345';
const NOT_RENDERED = 'https://desk.zoho.eu/agent/boulangeriedupont/service-client/tickets/details/112233000004599999';

describe('Zoho Desk adapter', () => {
  it('reads no ticket while the URL names a ticket whose view is not rendered yet', () => {
    const document = loadPage('zohodesk', 'ticket.html', NOT_RENDERED);
    expect(zohoDeskAdapter.readTicket(document, new URL(NOT_RENDERED))).toBeNull();
  });

  it('reads no ticket from a hidden sub-tab', () => {
    const document = loadPage('zohodesk', 'ticket.html', HIDDEN);
    expect(zohoDeskAdapter.readTicket(document, new URL(HIDDEN))).toBeNull();
  });

  it('reads a sub-tab once it is shown', () => {
    const document = loadPage('zohodesk', 'ticket.html', HIDDEN);
    const views = document.querySelectorAll<HTMLElement>('.zd_v2-ticketdetailview-container');
    views[0]!.style.display = '';
    views[1]!.style.display = 'none';
    const ticket = zohoDeskAdapter.readTicket(document, new URL(HIDDEN));
    expect(ticket).toMatchObject({
      ticketId: '112233000004512345',
      subject: 'Copy of my invoice for order 7781',
      requesterName: 'Tom Baker',
      requesterEmail: 'tom.baker@example.co.uk',
      messages: [{ author: 'customer', text: 'Hi, could you send me a copy of the invoice for order 7781? Thanks, Tom' }],
    });
    expect(zohoDeskAdapter.anchor(document)?.closest('.zd_v2-ticketdetailview-container')).toBe(views[0]);
  });

  it('reads no ticket when two shown views claim the same record (mid-transition)', () => {
    const document = loadPage('zohodesk', 'ticket.html', SHOWN);
    const shown = document.querySelector('[data-id="subTab_112233000004567890"]')!;
    shown.after(shown.cloneNode(true));
    expect(zohoDeskAdapter.readTicket(document, new URL(SHOWN))).toBeNull();
  });

  it('leaves quoted copies out of a reply', () => {
    const ticket = zohoDeskAdapter.readTicket(loadPage('zohodesk', 'ticket.html', SHOWN), new URL(SHOWN));
    expect(ticket?.messages[1]?.text).not.toContain('a écrit');
  });
});
