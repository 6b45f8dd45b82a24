// @vitest-environment jsdom
// osTicket beyond the generic contract: pjax navigation swaps #pjax-container's children without a
// page load, and the adapter must follow; markup in page text stays text.
import { describe, expect, it } from 'vitest';
import { osticketAdapter as adapter } from '../../lib/hosts/osticket/adapter';
import { SelectorNotFoundError } from '../../lib/dom/query';
import { loadPage } from './fixtures';

const TICKET_URL = 'https://helpdesk.example.nl/support/scp/tickets.php?id=1042';
const NEXT_URL = 'https://helpdesk.example.nl/support/scp/tickets.php?id=1057';
const ticketPage = () => loadPage('osticket', 'ticket.html', TICKET_URL);
// jquery.pjax takes the response's <title> for the document and puts the rest into the container:
// parsing the fragment as a page does the same split.
const pjaxBody = () => loadPage('osticket', 'pjax-ticket.html', NEXT_URL).body.innerHTML;

describe('osTicket adapter', () => {
  it('follows a pjax swap of #pjax-container to the next ticket', () => {
    const doc = ticketPage();
    const root = adapter.observeRoot?.(doc);
    expect(root?.id).toBe('pjax-container');
    expect(adapter.readTicket(doc, new URL(TICKET_URL))?.ticketId).toBe('583201');

    // What jquery.pjax does: replace the container's children, then pushState the new URL.
    root!.innerHTML = pjaxBody();
    const next = adapter.readTicket(doc, new URL(NEXT_URL));
    expect(next).toEqual({
      helpdesk: 'osticket',
      ticketId: '583244',
      ticketUrl: NEXT_URL,
      subject: 'Objection to direct marketing – please stop e-mailing me',
      requesterName: 'Zoë Hartley-Brennan',
      requesterEmail: 'zoe.hartley@example.co.uk',
      messages: [
        {
          author: 'customer',
          text: 'I object to the processing of my personal data for direct marketing (Art. 21 GDPR). Please stop sending me newsletters and confirm in writing.',
        },
        { author: 'note', text: 'Filter "Privacy keywords" moved this ticket to Privacy & Data Protection.' },
      ],
    });
    // The container itself survives the swap (the overlay keeps observing it); the anchor is new.
    expect(adapter.observeRoot?.(doc)).toBe(root);
    expect(adapter.anchor(doc)?.textContent).toContain('Objection to direct marketing');
    expect(adapter.matches(new URL(NEXT_URL), doc)).toBe(true);
  });

  it('reads nothing once pjax has swapped in a queue', () => {
    const doc = ticketPage();
    const queue = loadPage('osticket', 'list.html', 'https://helpdesk.example.nl/support/scp/tickets.php?queue=1');
    doc.querySelector('#pjax-container')!.innerHTML = queue.querySelector('#pjax-container')!.innerHTML;
    expect(adapter.readTicket(doc, new URL('https://helpdesk.example.nl/support/scp/tickets.php?queue=1'))).toBeNull();
    expect(adapter.anchor(doc)).toBeNull();
  });

  it('takes the ticket URL from the page, not from a stale address bar', () => {
    const doc = ticketPage();
    doc.querySelector('#pjax-container')!.innerHTML = pjaxBody();
    // pjax swapped the content but the URL still names the previous ticket.
    expect(adapter.readTicket(doc, new URL(TICKET_URL))?.ticketUrl).toBe(NEXT_URL);
  });

  it('returns names and subjects with markup characters as literal text', () => {
    const doc = ticketPage();
    doc.querySelector('#user-317-name')!.textContent = '<script>alert("x")</script> Chloë';
    doc.querySelector('.tixTitle h3')!.textContent = '<img src=x onerror=alert(1)> inzage';
    const ticket = adapter.readTicket(doc, new URL(TICKET_URL));
    expect(ticket?.requesterName).toBe('<script>alert("x")</script> Chloë');
    expect(ticket?.subject).toBe('<img src=x onerror=alert(1)> inzage');
    expect(doc.querySelector('.tixTitle img, #user-317-name script')).toBeNull();
  });

  it('leaves an unreadable e-mail out instead of failing', () => {
    const doc = ticketPage();
    doc.querySelector('#user-317-email')!.textContent = '—';
    expect(adapter.readTicket(doc, new URL(TICKET_URL))?.requesterEmail).toBeUndefined();
  });

  it('throws SelectorNotFoundError when a ticket view lacks its subject or number', () => {
    for (const [selector, name] of [
      ['.tixTitle h3', 'subject'],
      ['.sticky.bar .flush-left h2', 'ticket number'],
    ] as const) {
      const doc = ticketPage();
      doc.querySelector(selector)!.remove();
      expect(() => adapter.readTicket(doc, new URL(TICKET_URL))).toThrow(SelectorNotFoundError);
      try {
        adapter.readTicket(doc, new URL(TICKET_URL));
      } catch (error) {
        expect((error as SelectorNotFoundError).selectorName).toBe(name);
      }
    }
  });

  it('recognises the staff panel by fingerprint on any staff page, and by URL alone only for tickets.php', () => {
    const doc = ticketPage();
    expect(adapter.matches(new URL('https://helpdesk.example.nl/support/scp/dashboard.php'), doc)).toBe(true);
    expect(adapter.matches(new URL('https://helpdesk.example.nl/support/scp/'), doc)).toBe(true);
    expect(adapter.matches(new URL('https://helpdesk.example.nl/support/tickets.php?id=1042'), doc)).toBe(false);
    expect(adapter.matches(new URL(TICKET_URL))).toBe(true);
    expect(adapter.matches(new URL('https://helpdesk.example.nl/support/scp/index.php'))).toBe(false);
    // A page at an osTicket-like path that is no osTicket page.
    const other = loadPage('freescout', 'ticket.html', 'https://desk.example.de/scp/tickets.php');
    expect(adapter.matches(new URL('https://desk.example.de/scp/tickets.php'), other)).toBe(false);
  });
});
