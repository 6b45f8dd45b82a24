// @vitest-environment jsdom
// Zammad beyond the generic contract: several ticket tabs are mounted at once and only the one
// marked .content.active is read; the adapter follows when the agent switches tab.
import { describe, expect, it } from 'vitest';
import { zammadAdapter as adapter } from '../../lib/hosts/zammad/adapter';
import { SelectorNotFoundError } from '../../lib/dom/query';
import { loadPage } from './fixtures';

const ORIGIN = 'https://support.example.it';
const ticketPage = () => loadPage('zammad', 'ticket.html', `${ORIGIN}/#ticket/zoom/8123`);

/** What TaskManager.show()/hide() do when the agent clicks another task. */
function switchTab(doc: Document, fromKey: string, toKey: string): void {
  doc.getElementById(`content_permanent_${fromKey}`)!.classList.replace('active', 'hide');
  doc.getElementById(`content_permanent_${toKey}`)!.classList.replace('hide', 'active');
}

describe('Zammad adapter', () => {
  it('reads the other mounted ticket once .active moves to it', () => {
    const doc = ticketPage();
    expect(adapter.readTicket(doc, new URL(`${ORIGIN}/#ticket/zoom/8123`))?.ticketId).toBe('31042');

    switchTab(doc, 'Ticket-8123', 'Ticket-8098');
    const url = new URL(`${ORIGIN}/#ticket/zoom/8098`);
    expect(adapter.readTicket(doc, url)).toEqual({
      helpdesk: 'zammad',
      ticketId: '31017',
      ticketUrl: `${ORIGIN}/#ticket/zoom/8098`,
      subject: 'Wrong delivery address on order 5561',
      requesterName: "Siobhán O'Connor",
      requesterEmail: 'siobhan.oconnor@example.ie',
      messages: [
        {
          author: 'customer',
          text: 'Hi,\nmy order 5561 was sent to my old address in Cork. Could you redirect it to 14 Quay Street, Galway?\nThanks,\nSiobhán',
        },
        {
          author: 'agent',
          text: "Dear Ms O'Connor,\nwe have asked the courier to redirect the parcel. You will receive a new tracking link today.\nKind regards,\nMarco Rinaldi",
        },
      ],
    });
    expect(adapter.anchor(doc)?.closest('.content')?.id).toBe('content_permanent_Ticket-8098');
  });

  it('reads nothing while the URL and the active tab disagree', () => {
    const doc = ticketPage();
    // The route already names the next ticket, the task manager has not switched yet.
    expect(adapter.readTicket(doc, new URL(`${ORIGIN}/#ticket/zoom/8098`))).toBeNull();
  });

  it('reads nothing when the active tab is no ticket, even with tickets mounted', () => {
    const doc = ticketPage();
    doc.getElementById('content_permanent_Ticket-8123')!.classList.replace('active', 'hide');
    expect(adapter.readTicket(doc, new URL(`${ORIGIN}/#dashboard`))).toBeNull();
    expect(adapter.anchor(doc)).toBeNull();
  });

  it('reads the active ticket when hidden tabs are detached (recent releases) and on article routes', () => {
    const doc = ticketPage();
    doc.getElementById('content_permanent_Ticket-8098')!.remove();
    const ticket = adapter.readTicket(doc, new URL(`${ORIGIN}/#ticket/zoom/8123/40218`));
    expect(ticket?.ticketId).toBe('31042');
    expect(ticket?.ticketUrl).toBe(`${ORIGIN}/#ticket/zoom/8123`);
  });

  it('takes the e-mail from the customer article when the customer sidebar is not rendered', () => {
    const doc = ticketPage();
    doc.querySelector('#content_permanent_Ticket-8123 .sidebar[data-tab="customer"]')!.remove();
    const ticket = adapter.readTicket(doc, new URL(`${ORIGIN}/#ticket/zoom/8123`));
    expect(ticket?.requesterName).toBeUndefined();
    expect(ticket?.requesterEmail).toBe('n.ferrau@example.it');
  });

  it('returns a title with markup characters as literal text', () => {
    const doc = ticketPage();
    for (const title of doc.querySelectorAll('#content_permanent_Ticket-8123 .js-objectTitle')) {
      title.textContent = '<img src=x onerror=alert(1)> cancellazione';
    }
    const ticket = adapter.readTicket(doc, new URL(`${ORIGIN}/#ticket/zoom/8123`));
    expect(ticket?.subject).toBe('<img src=x onerror=alert(1)> cancellazione');
    expect(doc.querySelector('.js-objectTitle img')).toBeNull();
  });

  it('throws SelectorNotFoundError when the active ticket lacks its title', () => {
    const doc = ticketPage();
    doc.querySelector('#content_permanent_Ticket-8123 .ticketZoom-header .js-ticketTitleContainer')!.remove();
    expect(() => adapter.readTicket(doc, new URL(`${ORIGIN}/#ticket/zoom/8123`))).toThrow(SelectorNotFoundError);
  });

  it('needs the page: no URL alone is taken for Zammad', () => {
    expect(adapter.matches(new URL(`${ORIGIN}/#ticket/zoom/8123`))).toBe(false);
    expect(adapter.matches(new URL(`${ORIGIN}/#ticket/zoom/8123`), ticketPage())).toBe(true);
    expect(adapter.matches(new URL(`${ORIGIN}/desktop/tickets/8123`), ticketPage())).toBe(false);
  });
});
