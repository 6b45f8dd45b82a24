// Turns what an adapter scraped into a valid TicketContext: trims, clamps every field to the
// schema's limits and drops an e-mail that is no address, so that a long thread or an odd page
// never makes the whole read fail validation later (in messaging). Shared by every adapter.
import { Email } from '../model/common';
import { TicketContext, type HelpdeskKind, type TicketMessage } from '../model/helpdesk';
import { exactEmail } from '../dom/query';

export interface ScrapedTicket {
  helpdesk: HelpdeskKind;
  ticketId: string;
  ticketUrl: string;
  subject: string;
  requesterName?: string | undefined;
  /** The requester's address as a dedicated field or a mailto: link holds it; anything else is dropped. */
  requesterEmail?: string | undefined;
  messages: TicketMessage[];
}

// The limits of TicketContext (lib/model/helpdesk.ts).
const MAX_SUBJECT = 1000;
const MAX_NAME = 500;
const MAX_MESSAGES = 500;
const MAX_MESSAGE_TEXT = 100_000;

export function toTicketContext(scraped: ScrapedTicket): TicketContext {
  const name = scraped.requesterName?.trim().slice(0, MAX_NAME);
  const address = exactEmail(scraped.requesterEmail);
  const email = address === undefined ? undefined : Email.safeParse(address);
  return TicketContext.parse({
    helpdesk: scraped.helpdesk,
    ticketId: scraped.ticketId.trim(),
    ticketUrl: scraped.ticketUrl,
    subject: scraped.subject.trim().slice(0, MAX_SUBJECT),
    requesterName: name ? name : undefined,
    requesterEmail: email?.success ? email.data : undefined,
    // Page order is kept; a thread longer than the schema allows keeps its first messages.
    messages: scraped.messages
      .filter((m) => m.text.trim() !== '')
      .slice(0, MAX_MESSAGES)
      .map((m) => ({ author: m.author, text: m.text.slice(0, MAX_MESSAGE_TEXT) })),
  });
}
