// Zendesk keeps every open ticket tab mounted: the adapter must follow data-is-active, never the
// first grid in the page, and must not pair the URL's ticket with another tab's content.
import { describe, expect, it } from 'vitest';
import { zendeskAdapter } from '../../lib/hosts/zendesk/adapter';
import { SelectorNotFoundError } from '../../lib/dom/query';
import { loadPage } from './fixtures';

const ACTIVE_URL = 'https://jansen-retail.zendesk.com/agent/tickets/48230';
const OTHER_URL = 'https://jansen-retail.zendesk.com/agent/tickets/48213';

function ticketPage(url = ACTIVE_URL): Document {
  return loadPage('zendesk', 'ticket.html', url);
}

/** What Zendesk does on a tab switch: the flag moves from one grid to the other. */
function activate(document: Document, id: string): void {
  for (const grid of document.querySelectorAll('.ticket-panes-grid-layout')) {
    const active = grid.getAttribute('data-test-id') === `ticket-${id}-custom-layout`;
    grid.setAttribute('data-is-active', String(active));
  }
}

describe('Zendesk adapter', () => {
  it('reads the other tab once the active flag has moved to it', () => {
    const document = ticketPage(OTHER_URL);
    activate(document, '48213');
    const ticket = zendeskAdapter.readTicket(document, new URL(OTHER_URL));
    expect(ticket).toMatchObject({
      ticketId: '48213',
      ticketUrl: OTHER_URL,
      subject: 'Antrag auf Löschung meiner Daten (Art. 17 DSGVO)',
      requesterName: 'Matthias Groß',
    });
    // Its customer context pane shows apps, not the customer: the ticket is read with the name only.
    expect(ticket?.requesterEmail).toBeUndefined();
    expect(ticket?.messages.map((m) => m.author)).toEqual(['customer', 'agent']);
    expect(ticket?.messages[0]?.text).toContain('gemäß Art. 17 DSGVO');
    expect(zendeskAdapter.anchor(document)?.closest('[data-is-active="true"]')?.getAttribute('data-test-id')).toBe(
      'ticket-48213-custom-layout',
    );
  });

  it('reads no ticket while the URL already names a tab that is not active yet', () => {
    expect(zendeskAdapter.readTicket(ticketPage(OTHER_URL), new URL(OTHER_URL))).toBeNull();
  });

  it('reads the subject the agent is typing (.value), not the value attribute', () => {
    const document = ticketPage();
    const input = document.querySelector<HTMLInputElement>(
      '[data-is-active="true"] input[data-test-id="omni-header-subject"]',
    );
    input!.value = 'Inzageverzoek AVG – Sanne de Vries';
    expect(zendeskAdapter.readTicket(document, new URL(ACTIVE_URL))?.subject).toBe('Inzageverzoek AVG – Sanne de Vries');
  });

  it('says the page changed when the active tab has no subject input', () => {
    const document = ticketPage();
    document.querySelector('[data-is-active="true"] input[data-test-id="omni-header-subject"]')!.remove();
    expect(() => zendeskAdapter.readTicket(document, new URL(ACTIVE_URL))).toThrow(SelectorNotFoundError);
  });

  it('says the page changed when no tab is active on a ticket URL', () => {
    const document = ticketPage();
    activate(document, 'none');
    expect(() => zendeskAdapter.readTicket(document, new URL(ACTIVE_URL))).toThrow(SelectorNotFoundError);
  });
});
