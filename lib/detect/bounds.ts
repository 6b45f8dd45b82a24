// How much of a thread the classifier reads. A request is made in the customer's own words, near the
// start of their messages; reading a whole thread of 50 messages of 100 000 characters took seconds.
// The bounds keep one classification to a few milliseconds, and the message carrying the text to the
// background small. Only the customer's messages count (lib/detect/ticket.ts), so only they are kept.
import type { TicketMessage } from '../model/helpdesk';

export const CLASSIFY_MAX_MESSAGES = 20;
export const CLASSIFY_MAX_MESSAGE_CHARS = 6_000;
export const CLASSIFY_MAX_TOTAL_CHARS = 24_000;

/** The customer's messages, earliest first, each and all together cut to the bounds above. */
export function boundForClassifier(messages: readonly TicketMessage[]): TicketMessage[] {
  const kept: TicketMessage[] = [];
  let budget = CLASSIFY_MAX_TOTAL_CHARS;
  for (const message of messages) {
    if (message.author !== 'customer') continue;
    if (kept.length === CLASSIFY_MAX_MESSAGES || budget <= 0) break;
    const text = message.text.slice(0, Math.min(CLASSIFY_MAX_MESSAGE_CHARS, budget));
    budget -= text.length;
    kept.push({ author: 'customer', text });
  }
  return kept;
}
