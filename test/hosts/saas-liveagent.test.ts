// LiveAgent keeps opened conversations in a GWT deck panel; only the visible view is read.
import { describe, expect, it } from 'vitest';
import { liveAgentAdapter } from '../../lib/hosts/liveagent/adapter';
import { SelectorNotFoundError } from '../../lib/dom/query';
import { loadPage } from './fixtures';

const URL_K3 = 'https://fietsenmaker.ladesk.com/agent/index.php?rnd=4821#Conversation;id=k3x9qw2m';

describe('LiveAgent adapter', () => {
  it('reads no ticket while two views are visible (deck panel mid-switch)', () => {
    const document = loadPage('liveagent', 'ticket.html', URL_K3);
    const hidden = document.querySelector<HTMLElement>('.ConversationView[aria-hidden="true"]')!;
    hidden.style.display = '';
    hidden.removeAttribute('aria-hidden');
    expect(liveAgentAdapter.readTicket(document, new URL(URL_K3))).toBeNull();
  });

  it('says the page changed when no conversation view is visible on a conversation route', () => {
    const document = loadPage('liveagent', 'ticket.html', URL_K3);
    for (const view of document.querySelectorAll<HTMLElement>('.ConversationView')) view.style.display = 'none';
    expect(() => liveAgentAdapter.readTicket(document, new URL(URL_K3))).toThrow(SelectorNotFoundError);
  });

  it('never reads the hidden conversation', () => {
    const ticket = liveAgentAdapter.readTicket(loadPage('liveagent', 'ticket.html', URL_K3), new URL(URL_K3));
    expect(JSON.stringify(ticket)).not.toContain('Jörg');
  });
});
