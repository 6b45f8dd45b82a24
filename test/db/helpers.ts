// A fresh database per test, on fake-indexeddb, with a controllable clock.
import { createRepositories } from '../../lib/db/repositories';
import { openDatabase } from '../../lib/db/schema';

export function freshRepos(start = '2026-03-02T09:00:00.000Z') {
  let now = new Date(start);
  const clock = { now: () => now };
  const repos = createRepositories(openDatabase(`test-${crypto.randomUUID()}`), clock);
  return {
    repos,
    setNow: (iso: string) => {
      now = new Date(iso);
    },
  };
}

export const sampleTicket = {
  helpdesk: 'demo' as const,
  ticketId: '1042',
  ticketUrl: 'http://localhost:4173/tickets/1042',
  subject: 'Verzoek om inzage',
  requesterName: 'Jan de Vries',
  requesterEmail: 'jan@example.nl',
  messages: [{ author: 'customer' as const, text: 'Ik wil graag inzage in mijn persoonsgegevens.' }],
};

/** A deadline stand-in for db tests: 30 days, or 90 when extended. lib/law is tested on its own. */
export const plainDeadline = (receivedAt: string, extended: boolean) =>
  new Date(new Date(receivedAt).getTime() + (extended ? 90 : 30) * 86_400_000).toISOString();
