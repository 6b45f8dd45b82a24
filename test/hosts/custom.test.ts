// @vitest-environment jsdom
// The custom adapter is created per origin from a DPO's selectors, so it is not in ALL_ADAPTERS and
// the generic contract test: its contract is checked here against test/fixtures/custom/.
import { describe, expect, it } from 'vitest';
import { createCustomAdapter, testCustomSelectors } from '../../lib/hosts/custom/adapter';
import type { CustomSelectors } from '../../lib/model/helpdesk';
import { ValidationError } from '../../lib/model/errors';
import { SelectorNotFoundError } from '../../lib/dom/query';
import { loadCases, loadPage } from './fixtures';

const ORIGIN = 'https://balie.example.net';
const TICKET_URL = `${ORIGIN}/desk/tickets/4711`;

const SELECTORS: CustomSelectors = {
  ticketId: 'url:/desk/tickets/(\\d+)$',
  subject: '.ticket-head .ticket-subject',
  requesterName: '.requester-card .requester-name',
  requesterEmail: '.requester-card a.requester-mail',
  messages: 'note: .timeline .entry--internal .entry-body; customer: .timeline .entry--in .entry-body; agent: .timeline .entry--out .entry-body',
  anchor: '.ticket-head',
};

const ticketPage = () => loadPage('custom', 'ticket.html', TICKET_URL);

function invalidField(run: () => unknown): { fields: string[]; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return { fields: (error as ValidationError).fields, message: (error as Error).message };
  }
  throw new Error('expected a ValidationError');
}

describe('custom adapter', () => {
  const adapter = createCustomAdapter(ORIGIN, SELECTORS);
  const cases = loadCases('custom');

  it('has saved pages, a ticket page and a page that is no ticket', () => {
    expect(cases.some((c) => c.expected !== null)).toBe(true);
    expect(cases.some((c) => c.expected === null)).toBe(true);
  });

  for (const c of cases) {
    it(`reads ${c.file} exactly`, () => {
      const doc = loadPage('custom', c.file, c.url);
      const url = new URL(c.url);
      expect(adapter.matches(url, doc)).toBe(true);
      const ticket = adapter.readTicket(doc, url);
      if (c.expected === null) {
        expect(ticket).toBeNull();
      } else {
        const { language: _ignored, ...read } = ticket ?? ({} as never);
        expect(read).toEqual(c.expected);
        expect(adapter.anchor(doc)?.className).toBe('ticket-head');
      }
    });
  }

  it('claims its configured origin only', () => {
    expect(adapter.kind).toBe('custom');
    expect(adapter.testUrls).toEqual([`${ORIGIN}/`]);
    expect(adapter.matches(new URL(`${ORIGIN}/desk/tickets/4711?tab=1#x`))).toBe(true);
    for (const other of [
      'http://balie.example.net/desk/tickets/4711',
      'https://balie.example.net:8443/desk/tickets/4711',
      'https://other.example.net/desk/tickets/4711',
      'https://balie.example.net.evil.example/desk/tickets/4711',
    ]) {
      expect(adapter.matches(new URL(other)), other).toBe(false);
    }
    // The origin is normalised: a trailing slash or path in the setting does not widen or break it.
    expect(createCustomAdapter(`${ORIGIN}/desk/`, SELECTORS).matches(new URL(TICKET_URL))).toBe(true);
  });

  it('reads the ticket id from a CSS selector as well as from the URL', () => {
    const byCss = createCustomAdapter(ORIGIN, { ...SELECTORS, ticketId: '.ticket-head .ticket-ref' });
    expect(byCss.readTicket(ticketPage(), new URL(TICKET_URL))?.ticketId).toBe('4711');
    const list = loadPage('custom', 'list.html', `${ORIGIN}/desk/tickets`);
    expect(byCss.readTicket(list, new URL(`${ORIGIN}/desk/tickets`))).toBeNull();
  });

  it('counts unlabelled messages as the customer’s, in page order', () => {
    const plain = createCustomAdapter(ORIGIN, { ...SELECTORS, messages: '.timeline .entry-body' });
    const ticket = plain.readTicket(ticketPage(), new URL(TICKET_URL));
    expect(ticket?.messages.map((m) => m.author)).toEqual(['customer', 'customer', 'customer']);
    expect(ticket?.messages[1]?.text).toMatch(/^Bestellingen jonger/);
  });

  it('does not split a selector at a ";" inside an attribute value', () => {
    const doc = ticketPage();
    doc.querySelector('.entry--out')!.setAttribute('data-author', 'agent;extern');
    const quoted = createCustomAdapter(ORIGIN, {
      ...SELECTORS,
      messages: 'customer: .entry--in .entry-body; agent: [data-author="agent;extern"] .entry-body',
    });
    const ticket = quoted.readTicket(doc, new URL(TICKET_URL));
    expect(ticket?.messages.map((m) => m.author)).toEqual(['customer', 'agent']);
  });

  it('leaves the e-mail out when the page shows none', () => {
    const doc = ticketPage();
    const mail = doc.querySelector('.requester-mail')!;
    mail.removeAttribute('href');
    mail.removeAttribute('title');
    expect(adapter.readTicket(doc, new URL(TICKET_URL))?.requesterEmail).toBeUndefined();
    const noEmailSelector = createCustomAdapter(ORIGIN, { ...SELECTORS, requesterEmail: undefined });
    expect(noEmailSelector.readTicket(ticketPage(), new URL(TICKET_URL))?.requesterEmail).toBeUndefined();
  });

  it('reports a ticket page whose layout changed with SelectorNotFoundError', () => {
    for (const [selector, field] of [
      ['.requester-name', 'requesterName'],
      ['.ticket-subject', 'subject'],
      ['.timeline', 'messages'],
    ] as const) {
      const doc = ticketPage();
      doc.querySelector(selector)!.remove();
      try {
        adapter.readTicket(doc, new URL(TICKET_URL));
        expect.unreachable(`${field} missing should throw`);
      } catch (error) {
        expect(error).toBeInstanceOf(SelectorNotFoundError);
        expect((error as SelectorNotFoundError).selectorName).toBe(field);
      }
    }
  });

  it('returns page text as literal text, never as markup', () => {
    const doc = ticketPage();
    doc.querySelector('.entry--in .entry-body')!.textContent = '<img src=x onerror="alert(1)"> wis mijn gegevens';
    const ticket = adapter.readTicket(doc, new URL(TICKET_URL));
    expect(ticket?.requesterName).toBe('Anouk <b>Mulder</b> & Zn.');
    expect(ticket?.messages[0]?.text).toBe('<img src=x onerror="alert(1)"> wis mijn gegevens');
    expect(doc.querySelector('img')).toBeNull();
  });

  it('rejects an invalid selector with an error naming its field', () => {
    const bad = invalidField(() => createCustomAdapter(ORIGIN, { ...SELECTORS, messages: 'customer: .entry[' }));
    expect(bad.fields).toEqual(['messages']);
    expect(bad.message).toContain('messages: ".entry[" is not a valid CSS selector');

    expect(invalidField(() => createCustomAdapter(ORIGIN, { ...SELECTORS, anchor: '>>' })).fields).toEqual(['anchor']);
    const regex = invalidField(() => createCustomAdapter(ORIGIN, { ...SELECTORS, ticketId: 'url:/tickets/(\\d+' }));
    expect(regex.fields).toEqual(['ticketId']);
    expect(regex.message).toContain('not a valid regular expression');
    const noGroup = invalidField(() => createCustomAdapter(ORIGIN, { ...SELECTORS, ticketId: 'url:/tickets/\\d+' }));
    expect(noGroup.message).toContain('needs a capture group');
    expect(invalidField(() => createCustomAdapter('balie.example.net', SELECTORS)).fields).toEqual(['origin']);
  });
});

describe('testCustomSelectors', () => {
  it('reports count and a sample per field', () => {
    const report = testCustomSelectors(ticketPage(), SELECTORS);
    expect(report).toEqual({
      ticketId: { count: 1, sample: '4711' },
      subject: { count: 1, sample: 'Verwijder al mijn gegevens (art. 17 AVG)' },
      requesterName: { count: 1, sample: 'Anouk <b>Mulder</b> & Zn.' },
      requesterEmail: { count: 1, sample: 'Stuur e-mail' },
      messages: { count: 3, sample: 'Goedendag, ik wil dat u al mijn persoonsgegevens verwijdert, inclusief mijn acco' },
      anchor: { count: 1, sample: expect.stringContaining('4711') },
    });
    expect(report.messages?.sample).toHaveLength(80);
  });

  it('reports an invalid selector on its field and still tests the others', () => {
    const report = testCustomSelectors(ticketPage(), { ...SELECTORS, subject: 'input[name=', requesterEmail: undefined });
    expect(report.subject).toEqual({ count: 0, sample: '', error: expect.stringContaining('subject: "input[name=" is not a valid CSS selector') });
    expect(report.requesterName).toEqual({ count: 1, sample: 'Anouk <b>Mulder</b> & Zn.' });
    expect(report).not.toHaveProperty('requesterEmail');
  });

  it('reports zero matches on a page without the ticket', () => {
    const report = testCustomSelectors(loadPage('custom', 'list.html', `${ORIGIN}/desk/tickets`), SELECTORS);
    expect(report.ticketId).toEqual({ count: 0, sample: '' });
    expect(report.messages).toEqual({ count: 0, sample: '' });
  });
});
