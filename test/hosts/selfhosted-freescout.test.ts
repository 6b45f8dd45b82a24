// @vitest-environment jsdom
// FreeScout beyond the generic contract: drafts and status lines are no messages, a customer may
// have no name, Help Scout's URLs are not FreeScout's, and markup in page text stays text.
import { describe, expect, it } from 'vitest';
import { freescoutAdapter as adapter } from '../../lib/hosts/freescout/adapter';
import { SelectorNotFoundError } from '../../lib/dom/query';
import { loadPage } from './fixtures';

const URL_ = 'https://desk.example.de/conversation/2231?folder_id=14';
const ticketPage = () => loadPage('freescout', 'ticket.html', URL_);

describe('FreeScout adapter', () => {
  it('leaves drafts and status lines out of the messages', () => {
    const ticket = adapter.readTicket(ticketPage(), new URL(URL_));
    expect(ticket?.messages.map((m) => m.author)).toEqual(['customer', 'note', 'agent', 'customer']);
    expect(ticket?.messages.some((m) => /anbei erhalten|zugewiesen/.test(m.text))).toBe(false);
  });

  it('reads a customer known only by e-mail', () => {
    const doc = ticketPage();
    doc.querySelector('.customer-snippet .customer-name')!.remove();
    const ticket = adapter.readTicket(doc, new URL(URL_));
    expect(ticket?.requesterName).toBeUndefined();
    expect(ticket?.requesterEmail).toBe('j.weiss@example.de');
  });

  it('reads the subject from the editor input when the text is gone', () => {
    const doc = ticketPage();
    doc.querySelector('#conv-subject .conv-subjtext > span')!.remove();
    expect(adapter.readTicket(doc, new URL(URL_))?.subject).toBe('Auskunftsersuchen nach Art. 15 DSGVO');
  });

  it('returns names and message text with markup characters as literal text', () => {
    const doc = ticketPage();
    doc.querySelector('.customer-snippet .customer-name')!.textContent = '"><svg onload=alert(1)> Weiß';
    doc.querySelector('#thread-8990 .thread-content')!.textContent = '<b>Auskunft</b> bitte';
    const ticket = adapter.readTicket(doc, new URL(URL_));
    expect(ticket?.requesterName).toBe('"><svg onload=alert(1)> Weiß');
    expect(ticket?.messages.at(-1)?.text).toBe('<b>Auskunft</b> bitte');
    expect(doc.querySelector('.customer-snippet svg, #thread-8990 b')).toBeNull();
  });

  it('throws SelectorNotFoundError when the conversation number is missing', () => {
    const doc = ticketPage();
    doc.querySelector('.conv-numnav')!.remove();
    expect(() => adapter.readTicket(doc, new URL(URL_))).toThrow(SelectorNotFoundError);
  });

  it("claims FreeScout's routes with its page only, never Help Scout's URL shape", () => {
    const doc = ticketPage();
    expect(adapter.matches(new URL(URL_))).toBe(false);
    expect(adapter.matches(new URL('https://secure.helpscout.net/conversation/1234567/2231/?folderId=9'), doc)).toBe(false);
    expect(adapter.matches(new URL('https://desk.example.de/settings'), doc)).toBe(false);
    // A Laravel page on a FreeScout-shaped URL, without FreeScout's layout.
    doc.querySelector('#folders')!.remove();
    expect(adapter.matches(new URL(URL_), doc)).toBe(false);
  });
});
