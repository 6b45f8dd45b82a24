// @vitest-environment jsdom
// Adapters take the requester's address only from a dedicated field or a mailto: link: a display
// name that looks like an address, or an address somewhere in a block of text, never becomes the
// requester (a customer who calls themself "ceo@bank.example" must not be recorded as that person).
import { describe, expect, it } from 'vitest';
import { exactEmail, mailtoAddress, nameAddrEmail } from '../../lib/dom/query';
import { zammadAdapter } from '../../lib/hosts/zammad/adapter';
import { freshdeskAdapter } from '../../lib/hosts/freshdesk/adapter';
import { loadPage } from './fixtures';

describe('e-mail fields', () => {
  it('takes a field only when all of it is one address', () => {
    expect(exactEmail('  n.ferrau@example.it ')).toBe('n.ferrau@example.it');
    expect(exactEmail('Niccolò <n.ferrau@example.it>')).toBeUndefined();
    expect(exactEmail('ceo@bank.example wrote: n.ferrau@example.it')).toBeUndefined();
    expect(exactEmail(undefined)).toBeUndefined();
  });

  it('answers at once on a megabyte of text without an @ (no backtracking blow-up)', () => {
    expect(exactEmail('a'.repeat(1_000_000))).toBeUndefined();
    expect(nameAddrEmail(`${'a'.repeat(500_000)} <${'b'.repeat(500_000)}`)).toBeUndefined();
  });

  it('reads mailto: links with one recipient only', () => {
    const link = (href: string) => Object.assign(document.createElement('a'), { href });
    expect(mailtoAddress(link('mailto:Giulia.Esposito%40example.it'))).toBe('Giulia.Esposito@example.it');
    expect(mailtoAddress(link('mailto:a@example.it?cc=b@example.it'))).toBe('a@example.it');
    expect(mailtoAddress(link('mailto:a@example.it,b@example.it'))).toBeUndefined();
    expect(mailtoAddress(link('https://example.it/a@example.it'))).toBeUndefined();
  });

  it('takes only the bracketed address of a "Name <address>" line', () => {
    expect(nameAddrEmail('ceo@bank.example <n.ferrau@example.it>')).toBe('n.ferrau@example.it');
    expect(nameAddrEmail('ceo@bank.example')).toBeUndefined();
  });
});

describe('address-like display names', () => {
  const ORIGIN = 'https://support.example.it';
  it('Zammad: a customer named like an address is not taken for the address', () => {
    const doc = loadPage('zammad', 'ticket.html', `${ORIGIN}/#ticket/zoom/8123`);
    const active = doc.querySelector('[id^="content_permanent_Ticket-"].content.active')!;
    active.querySelector('.sidebar[data-tab="customer"] .sidebar-content h3')!.textContent = 'ceo@bank.example';
    const ticket = zammadAdapter.readTicket(doc, new URL(`${ORIGIN}/#ticket/zoom/8123`));
    expect(ticket?.requesterEmail).toBe('n.ferrau@example.it');
    // Without the sidebar's mailto: link the From line's bracketed address is the fallback, never the name.
    active.querySelector('.sidebar[data-tab="customer"] a[href^="mailto:"]')!.remove();
    for (const from of active.querySelectorAll('.article-meta-value')) from.textContent = from.textContent!.replace('Niccolò Ferraù', 'ceo@bank.example');
    expect(zammadAdapter.readTicket(doc, new URL(`${ORIGIN}/#ticket/zoom/8123`))?.requesterEmail).toBe('n.ferrau@example.it');
  });

  it('Freshdesk: a contact card without a mailto: link gives no address, whatever its text says', () => {
    const url = 'https://trattoria-digitale.freshdesk.com/a/tickets/1587';
    const doc = loadPage('freshdesk', 'ticket.html', url);
    const root = doc.querySelector('fw-unified-mfe--contact-info')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<div class="contact-name">ceo@bank.example</div><div>Giulia.Esposito@example.it</div>';
    expect(freshdeskAdapter.readTicket(doc, new URL(url))?.requesterEmail).toBeUndefined();
  });
});
