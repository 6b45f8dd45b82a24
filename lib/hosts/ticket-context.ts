// Turns what an adapter scraped into a TicketContext: trims, clamps every field to the schema's
// limits (lib/model/helpdesk.ts) and drops an e-mail that is no address, so that a long thread or an
// odd page never makes the whole read fail. Shared by every adapter.
//
// Checked by hand rather than with the zod schema: this runs in the helpdesk content script, which
// stays small without zod; the background validates every message against the schema anyway.
import type { HelpdeskKind, TicketContext, TicketMessage } from '../model/helpdesk';
import { HELPDESK_KINDS, MESSAGE_AUTHORS } from '../model/enums';
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
const MAX_ID = 200;
const MAX_SUBJECT = 1000;
const MAX_NAME = 500;
const MAX_MESSAGES = 500;
const MAX_MESSAGE_TEXT = 100_000;

/** Thrown when a scraped ticket cannot be a TicketContext at all (no id, no http(s) URL). */
export class InvalidTicketError extends Error {
  override readonly name = 'InvalidTicketError';
}

export function toTicketContext(scraped: ScrapedTicket): TicketContext {
  if (!(HELPDESK_KINDS as readonly string[]).includes(scraped.helpdesk)) throw new InvalidTicketError(`unknown helpdesk "${scraped.helpdesk}"`);
  const ticketId = scraped.ticketId.trim();
  if (ticketId === '' || ticketId.length > MAX_ID) throw new InvalidTicketError('ticket id must have 1 to 200 characters');
  // http(s) only: the side panel links back to it, and a javascript: URL from a hostile page must never become a link.
  let ticketUrl: string;
  try {
    const url = new URL(scraped.ticketUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(url.protocol);
    ticketUrl = scraped.ticketUrl;
  } catch {
    throw new InvalidTicketError('ticket URL must be an http(s) URL');
  }
  const name = scraped.requesterName?.trim().slice(0, MAX_NAME).trim();
  // Addresses are stored lower-case (the Email schema, lib/model/common.ts).
  const email = exactEmail(scraped.requesterEmail)?.toLowerCase();
  return {
    helpdesk: scraped.helpdesk,
    ticketId,
    ticketUrl,
    subject: scraped.subject.trim().slice(0, MAX_SUBJECT).trim(),
    ...(name ? { requesterName: name } : {}),
    ...(email ? { requesterEmail: email } : {}),
    // Page order is kept; a thread longer than the schema allows keeps its first messages.
    messages: scraped.messages
      .filter((m) => (MESSAGE_AUTHORS as readonly string[]).includes(m.author) && m.text.trim() !== '')
      .slice(0, MAX_MESSAGES)
      .map((m) => ({ author: m.author, text: m.text.slice(0, MAX_MESSAGE_TEXT) })),
  };
}
