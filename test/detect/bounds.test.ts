// @vitest-environment jsdom
// A huge thread (50 messages of 100 000 characters) is read and classified on bounded text: the
// adapter's read stops at MAX_READ_CHARS per element, the classifier gets the customer's first
// messages cut to the bounds, and a request at the start of a message is still found.
import { describe, expect, it } from 'vitest';
import { boundForClassifier, CLASSIFY_MAX_MESSAGE_CHARS, CLASSIFY_MAX_MESSAGES, CLASSIFY_MAX_TOTAL_CHARS } from '../../lib/detect/bounds';
import { classifyTicket } from '../../lib/detect/ticket';
import { MAX_READ_CHARS, textOf } from '../../lib/dom/query';
import type { TicketMessage } from '../../lib/model/helpdesk';

const filler = 'lorem ipsum dolor sit amet consectetur '.repeat(2600).slice(0, 100_000);

describe('huge threads', () => {
  it('reads at most MAX_READ_CHARS of an element, with block boundaries as line breaks', () => {
    const div = document.createElement('div');
    div.innerHTML = '<p>Hi,</p><p>please erase my data.</p><script>ignored()</script>';
    expect(textOf(div)).toBe('Hi,\nplease erase my data.');
    const big = document.createElement('div');
    for (let i = 0; i < 50; i += 1) big.append(Object.assign(document.createElement('p'), { textContent: filler }));
    expect(textOf(big).length).toBeLessThanOrEqual(MAX_READ_CHARS);
  });

  it('hands the classifier the customer messages, each and all together within the bounds', () => {
    const messages: TicketMessage[] = Array.from({ length: 50 }, (_, i) => ({ author: i % 5 === 4 ? 'agent' : 'customer', text: filler }));
    const bounded = boundForClassifier(messages);
    expect(bounded.length).toBeLessThanOrEqual(CLASSIFY_MAX_MESSAGES);
    expect(bounded.every((m) => m.author === 'customer' && m.text.length <= CLASSIFY_MAX_MESSAGE_CHARS)).toBe(true);
    expect(bounded.reduce((n, m) => n + m.text.length, 0)).toBeLessThanOrEqual(CLASSIFY_MAX_TOTAL_CHARS);
  });

  it('still finds a request stated at the start of a message in a huge thread', () => {
    const messages: TicketMessage[] = [
      { author: 'customer', text: `Ai sensi dell’art. 17 del GDPR chiedo la cancellazione di tutti i miei dati personali. ${filler}` },
      ...Array.from({ length: 49 }, () => ({ author: 'customer' as const, text: filler })),
    ];
    const result = classifyTicket(boundForClassifier(messages));
    expect(result.isRequest).toBe(true);
    expect(result.type).toBe('erasure');
  });
});
