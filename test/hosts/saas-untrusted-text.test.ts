// Every string an adapter returns comes from an untrusted page. Markup in a requester's name, a
// subject or a message must come back as the literal text the page showed, never be parsed, and
// reading must not add anything to the page.
import { describe, expect, it } from 'vitest';
import type { HelpdeskAdapter } from '../../lib/hosts/adapter';
import { SAAS_ADAPTERS } from '../../lib/hosts/saas';
import { loadCases, loadPage } from './fixtures';

const HOSTILE = '<img src=x onerror=alert(1)>';

/** Where each fixture shows the requester's name (the element whose text the adapter reads). */
const REQUESTER_NAME: Record<string, string> = {
  zendesk: '[data-is-active="true"] [data-test-id="ticket-system-field-requester-select"] span span',
  freshdesk: '[data-test-id="ticket-description"] .sender-info [data-test-id="user-name"]',
  zohodesk: '[data-id="subTab_112233000004567890"] [data-id="contactName"]',
  liveagent: '.ConversationView:not([aria-hidden]) .ContactName',
  helpscout: '[data-cy="CustomerName"]',
};

function ticketCase(adapter: HelpdeskAdapter) {
  const found = loadCases(adapter.kind).find((c) => c.expected !== null && c.file === 'ticket.html');
  if (!found) throw new Error(`no ticket.html case for ${adapter.kind}`);
  return found;
}

describe.each(SAAS_ADAPTERS.map((adapter) => [adapter.kind, adapter] as const))('%s adapter', (kind, adapter) => {
  it('returns markup in a requester name as literal text', () => {
    const c = ticketCase(adapter);
    const document = loadPage(kind, c.file, c.url);
    const selector = REQUESTER_NAME[kind];
    expect(selector, `no requester-name selector for ${kind}`).toBeDefined();
    const name = document.querySelector(selector!);
    expect(name).not.toBeNull();
    name!.textContent = HOSTILE;
    const images = document.images.length;

    const ticket = adapter.readTicket(document, new URL(c.url));

    expect(ticket?.requesterName).toBe(HOSTILE);
    expect(document.images.length).toBe(images);
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });

  it('returns markup in a message as literal text', () => {
    const c = ticketCase(adapter);
    const document = loadPage(kind, c.file, c.url);
    const original = c.expected!.messages[0]!.text;
    // Find the element holding the first message's last line and append escaped markup to it.
    const lastLine = original.split('\n').at(-1)!;
    const holder = [...document.querySelectorAll('p')].find((p) => p.textContent === lastLine);
    expect(holder, `no <p> with "${lastLine}"`).toBeDefined();
    holder!.textContent = `${lastLine} ${HOSTILE}`;

    const ticket = adapter.readTicket(document, new URL(c.url));

    expect(ticket?.messages[0]?.text).toBe(`${original} ${HOSTILE}`);
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });
});
