import { describe, expect, it } from 'vitest';
import { classifyTicket, TicketDetectionResult } from '../../lib/detect';

describe('classifyTicket', () => {
  it('returns the strongest customer message with its index', () => {
    const result = classifyTicket([
      { author: 'customer', text: 'Hi, where is my parcel?' },
      { author: 'agent', text: 'It is on its way.' },
      { author: 'customer', text: 'Thanks. Also, please delete all my personal data once it has arrived.' },
      { author: 'customer', text: 'Any news?' },
    ]);
    expect(result).toMatchObject({ isRequest: true, type: 'erasure', messageIndex: 2 });
    expect(() => TicketDetectionResult.parse(result)).not.toThrow();
  });

  it('ignores agent replies and internal notes that talk about rights', () => {
    const result = classifyTicket([
      { author: 'customer', text: 'My parcel never arrived.' },
      { author: 'agent', text: 'Under the GDPR you have the right to ask us to delete all your personal data.' },
      { author: 'note', text: 'Customer may want to delete my account data? Check with DPO. Please delete my data, says the template.' },
    ]);
    expect(result.isRequest).toBe(false);
    expect(result.messageIndex).toBe(0);
  });

  it('gives short messages the language of the whole ticket', () => {
    const result = classifyTicket([
      { author: 'customer', text: 'Guten Tag, ich habe eine Frage zu meiner Rechnung vom letzten Monat und zu meinem Konto.' },
      { author: 'customer', text: 'Datenlöschung bitte!' },
    ]);
    expect(result).toMatchObject({ isRequest: true, type: 'erasure', language: 'de', messageIndex: 1 });
  });

  it('answers "no request" for a ticket without customer messages', () => {
    expect(classifyTicket([{ author: 'agent', text: 'Please delete my data' }])).toEqual({ isRequest: false, confidence: 0, evidence: [] });
  });
});
