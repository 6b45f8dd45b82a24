// A ticket is a data-subject request if one of the customer's own messages is: agent replies and
// internal notes quote the rights back ("you may ask us to erase…") and must not count.
import type { TicketMessage } from '../model/helpdesk';
import { classify } from './classify';
import { detectLanguage } from './language';
import type { ClassifyOptions, TicketDetectionResult } from './result';

export function classifyTicket(messages: readonly TicketMessage[], options: ClassifyOptions = {}): TicketDetectionResult {
  const customer = messages.flatMap((message, index) => (message.author === 'customer' ? [{ text: message.text, index }] : []));
  // A short follow-up ("Any news?") cannot show its language; the customer's messages together can.
  const ticketLanguage = options.language ?? detectLanguage(customer.map((m) => m.text).join('\n'));
  let strongest: TicketDetectionResult = { isRequest: false, confidence: 0, evidence: [], ...(ticketLanguage ? { language: ticketLanguage } : {}) };
  for (const { text, index } of customer) {
    const language = options.language ?? detectLanguage(text) ?? ticketLanguage;
    const result = classify(text, language ? { language } : {});
    // Strictly greater: on a tie the earlier message, usually the one that made the request, wins.
    if (strongest.messageIndex === undefined || result.confidence > strongest.confidence) {
      strongest = { ...result, messageIndex: index };
    }
  }
  return strongest;
}
