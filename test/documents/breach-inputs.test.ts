// Breach documents' inputs from the stored records (entrypoints/background/documents/breach-inputs.ts):
// linked activities and subprocessors by name, our reference, the phase, the organisation as controller.
import { describe, expect, it } from 'vitest';
import { Breach } from '../../lib/model/breach';
import { breachReference, letterInput, letterLanguage, notificationInput, registerInput } from '../../entrypoints/background/documents/breach-inputs';
import { activities, organisation, subprocessors } from './extension-fixtures';

const breach = Breach.parse({
  id: '3f2a9c1e-0000-4000-8000-000000000001',
  createdAt: '2026-03-27T09:05:00.000Z',
  updatedAt: '2026-03-27T09:05:00.000Z',
  title: 'Support mailbox exposed',
  awareAt: '2026-03-27T09:00:00.000Z',
  dueAt: '2026-03-30T09:00:00.000Z',
  open: 1,
  status: 'reported',
  transitions: [{ to: 'reported', at: '2026-03-27T09:05:00.000Z', actor: 'DPO' }],
  affected: { activityIds: ['act-support'], subprocessorIds: ['sp-mail'] },
  notes: 'internal only',
  source: { helpdesk: 'demo', ticketId: '7', url: 'http://localhost/tickets/7' },
});
const sources = { organisation, activities, subprocessors, today: '2026-03-28' };

describe('breach document inputs', () => {
  it('names linked records, prints our reference, leaves out notes and the ticket', () => {
    const input = notificationInput(breach, sources);
    expect(breachReference(breach)).toBe('BR-2026-3F2A9C1E');
    expect(input.phase).toBe('initial');
    expect(input.breach.reference).toBe('BR-2026-3F2A9C1E');
    expect(input.breach.affected.activities).toEqual([activities[0]!.name]);
    expect(input.breach.affected.subprocessors).toEqual(['MailBridge']);
    expect(JSON.stringify(input)).not.toContain('internal only');
    expect(JSON.stringify(input)).not.toContain('tickets/7');
    expect(input).toMatchObject({ date: '2026-03-28', place: 'München', timeZone: 'Europe/Berlin', controller: { legalName: organisation.legalName, representative: { name: 'Jürgen Weiß', title: 'Geschäftsführer' } } });
  });

  it('after the initial submission the notification is a follow-up', () => {
    const notified = { ...breach, authority: { name: 'BayLDA', phases: [{ phase: 'initial' as const, at: '2026-03-28T10:00:00.000Z', channel: '', summary: '' }] } };
    expect(notificationInput(notified, sources).phase).toBe('follow-up');
  });

  it('the letter goes out in the recorded language, else the organisation’s; the register holds every breach', () => {
    expect(letterLanguage(breach, organisation)).toBe('de');
    expect(letterLanguage({ ...breach, subjectLanguage: 'it' }, organisation)).toBe('it');
    expect(letterInput(breach, sources).breach.title).toBe('Support mailbox exposed');
    expect(registerInput([breach, breach], sources).breaches).toHaveLength(2);
  });

  it('without an organisation profile says to fill it in first', () => {
    expect(() => notificationInput(breach, { ...sources, organisation: undefined })).toThrow(/organisation profile first/);
  });
});
