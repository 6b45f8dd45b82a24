import { z } from 'zod';
import { HELPDESK_KINDS, MESSAGE_AUTHORS } from './enums';
import { DetectLanguage, Email, HttpUrl, Instant, RecordMeta, ShortText } from './common';

export { HELPDESK_KINDS };
export const HelpdeskKind = z.enum(HELPDESK_KINDS);
export type HelpdeskKind = z.infer<typeof HelpdeskKind>;

/** Selectors a DPO sets for a helpdesk we have no adapter for. */
export const CustomSelectors = z.object({
  ticketId: ShortText,
  subject: ShortText,
  requesterName: ShortText,
  requesterEmail: z.string().trim().max(500).optional(),
  messages: ShortText,
  anchor: ShortText,
});
export type CustomSelectors = z.infer<typeof CustomSelectors>;

/** An origin the user granted access to, with the helpdesk it hosts. */
export const HelpdeskOrigin = RecordMeta.extend({
  origin: z.string().regex(/^https?:\/\/[^/]+$/, 'must be an origin like https://support.example.com'),
  kind: HelpdeskKind,
  label: ShortText.optional(),
  customSelectors: CustomSelectors.optional(),
  grantedAt: Instant,
});
export type HelpdeskOrigin = z.infer<typeof HelpdeskOrigin>;

export const MessageAuthor = z.enum(MESSAGE_AUTHORS);
export const TicketMessage = z.object({
  author: MessageAuthor,
  text: z.string().max(100_000),
});
export type TicketMessage = z.infer<typeof TicketMessage>;

/**
 * What an adapter reads from a helpdesk page. Every string here came from an untrusted page:
 * it is validated, length-limited, and only ever rendered as text.
 */
export const TicketContext = z.object({
  helpdesk: HelpdeskKind,
  ticketId: z.string().trim().min(1, 'ticket id must not be empty').max(200),
  // http(s) only: the side panel links back to it, and a javascript: URL from a hostile page must never become a link.
  ticketUrl: HttpUrl,
  subject: z.string().trim().max(1000),
  requesterName: z.string().trim().max(500).optional(),
  requesterEmail: Email.optional(),
  messages: z.array(TicketMessage).max(500),
  language: DetectLanguage.optional(),
});
export type TicketContext = z.infer<typeof TicketContext>;
