// Custom helpdesks preset by the organisation's policy: each entry validated on its own (a bad one is
// named and left out), unsafe url: patterns refused like in the options page.
import { describe, expect, it } from 'vitest';
import { parseManagedPolicy } from '../../lib/settings/managed';

const selectors = {
  ticketId: 'url:/desk/tickets/(\\d+)',
  subject: '.ticket-subject',
  requesterName: '.requester-name',
  messages: '.entry-body',
  anchor: '.ticket-head',
};

describe('customHelpdesks in the policy', () => {
  it('takes valid entries and names the invalid ones', () => {
    const state = parseManagedPolicy({
      customHelpdesks: [
        { origin: 'https://balie.example.net', selectors },
        { origin: 'https://evil.example.net', selectors: { ...selectors, ticketId: 'url:((a+)+)$' } },
        { origin: 'not an origin', selectors },
      ],
    });
    expect(state.active).toBe(true);
    expect(state.customHelpdesks.map((c) => c.origin)).toEqual(['https://balie.example.net']);
    expect(state.problems).toHaveLength(2);
    expect(state.problems[0]).toMatch(/^customHelpdesks\.1/);
    expect(state.problems[0]).toContain('must not repeat a group');
  });

  it('has none without a policy', () => {
    expect(parseManagedPolicy({}).customHelpdesks).toEqual([]);
  });
});
