// `url:` patterns for the ticket id are tried on the page's URL, which the page chooses: patterns that
// can backtrack catastrophically are refused when the DPO saves them (and when a policy sets them).
import { describe, expect, it } from 'vitest';
import { unsafePattern } from '../../lib/hosts/custom/adapter';

describe('custom url: patterns', () => {
  it('accepts the plain patterns of real helpdesk URLs', () => {
    for (const p of ['/desk/tickets/(\\d+)$', '#ticket/zoom/(\\d+)', '[?&]id=(\\d+)', '/conversation/(\\d+)(?:\\?|$)', '/t/([a-z0-9-]{1,40})', '/(?:a|b)/(\\d+)'])
      expect(unsafePattern(p), p).toBeUndefined();
  });

  it('refuses nested quantifiers, quantified alternations, back-references, lookarounds and very long patterns', () => {
    for (const p of ['(a+)+$', '(\\d*)*x', '(a|aa)*b', '((ab)*)+', '(x+x+)+y', '(\\w)\\1', '(?=a)(\\d+)', '(?<!a)(\\d+)', `(${'a'.repeat(220)})`])
      expect(unsafePattern(p), p).toBeDefined();
  });
});
