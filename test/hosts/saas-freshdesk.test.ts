// Freshdesk renders the subject and the contact card in shadow DOM: the subject comes from the
// title (checked against the URL's ticket), the e-mail only from an open contact-card shadow root.
import { describe, expect, it } from 'vitest';
import { freshdeskAdapter } from '../../lib/hosts/freshdesk/adapter';
import { SelectorNotFoundError } from '../../lib/dom/query';
import { loadPage } from './fixtures';

const URL_1587 = 'https://trattoria-digitale.freshdesk.com/a/tickets/1587';

function ticketPage(): Document {
  return loadPage('freshdesk', 'ticket.html', URL_1587);
}

describe('Freshdesk adapter', () => {
  it('reads the e-mail from the contact card when its shadow root is open', () => {
    const document = ticketPage();
    const card = document.querySelector('fw-unified-mfe--contact-info')!;
    const root = card.attachShadow({ mode: 'open' });
    root.innerHTML =
      '<div class="contact-name">Giulia Esposito</div><a href="mailto:Giulia.Esposito@example.it">Giulia.Esposito@example.it</a>';
    const ticket = freshdeskAdapter.readTicket(document, new URL(URL_1587));
    expect(ticket?.requesterName).toBe('Giulia Esposito');
    expect(ticket?.requesterEmail).toBe('giulia.esposito@example.it');
  });

  it('reads no ticket while the title still names the previous ticket', () => {
    const document = ticketPage();
    document.title = '[#1586] Fattura errata per l’ordine 20877 : Trattoria Digitale';
    expect(freshdeskAdapter.readTicket(document, new URL(URL_1587))).toBeNull();
  });

  it('keeps " : " inside a subject and cuts only the portal name', () => {
    const document = ticketPage();
    document.title = '[#1587] Re : richiesta di accesso : Trattoria Digitale';
    expect(freshdeskAdapter.readTicket(document, new URL(URL_1587))?.subject).toBe('Re : richiesta di accesso');
  });

  it('reads the subject heading of the older light-DOM layout', () => {
    const document = ticketPage();
    document.title = 'Freshdesk';
    const heading = document.createElement('h2');
    heading.className = 'ticket-subject-heading';
    heading.textContent = 'Richiesta di portabilità dei miei dati';
    document.querySelector('#ticket-details')!.prepend(heading);
    expect(freshdeskAdapter.readTicket(document, new URL(URL_1587))?.subject).toBe('Richiesta di portabilità dei miei dati');
  });

  it('says the page changed when neither a heading nor a "[#id]" title carries the subject', () => {
    const document = ticketPage();
    document.title = 'Freshdesk';
    expect(() => freshdeskAdapter.readTicket(document, new URL(URL_1587))).toThrow(SelectorNotFoundError);
  });

  it('never takes the reply being drafted for a message', () => {
    const ticket = freshdeskAdapter.readTicket(ticketPage(), new URL(URL_1587));
    expect(ticket?.messages.some((m) => m.text.includes('in allegato trova'))).toBe(false);
  });
});
