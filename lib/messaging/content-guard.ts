// What the background checks, beyond the schemas, on the few messages a helpdesk page's content
// script may send. The page itself is untrusted: its script can rewrite the DOM the adapter reads and,
// if our content script were ever compromised, send overlay messages itself. So:
// - a ticket URL must be on the origin of the frame that sent it (no records about another site's
//   tickets, no links into another origin planted in the queue);
// - an e-mail typed by the agent only stands in for a missing one: when the adapter read an address,
//   a different address is refused (the record must name the person the overlay showed);
// - look-ups and opening the side panel are rate-limited per tab, so a page that rewrites the e-mail
//   in a loop cannot use the overlay as an oracle on who has open requests, nor open tabs endlessly.
import type { MessageError, MessageType } from './protocol';

export interface GuardedSender {
  url?: string;
  tab?: { id?: number } | unknown;
}

export interface ContentGuardOptions {
  /** Milliseconds clock (injected in tests). */
  now?: () => number;
  /** Look-ups a tab may make at once, and how fast the allowance refills (one per `lookupRefillMs`). */
  lookupBurst?: number;
  lookupRefillMs?: number;
  /** Minimum time between two side-panel tabs opened from the same helpdesk tab. */
  panelIntervalMs?: number;
}

export type ContentGuard = (type: MessageType, payload: unknown, sender: GuardedSender) => MessageError | undefined;

interface Bucket {
  tokens: number;
  at: number;
}

const TICKET_MESSAGES: ReadonlySet<string> = new Set(['overlay.flag', 'overlay.recordConsent', 'overlay.logEvent']);

export function createContentGuard(options: ContentGuardOptions = {}): ContentGuard {
  const now = options.now ?? (() => Date.now());
  const burst = options.lookupBurst ?? 20;
  const refill = options.lookupRefillMs ?? 3_000;
  const panelInterval = options.panelIntervalMs ?? 5_000;
  const lookups = new Map<string, Bucket>();
  const panels = new Map<string, number>();

  const take = (key: string): boolean => {
    const t = now();
    const bucket = lookups.get(key) ?? { tokens: burst, at: t };
    bucket.tokens = Math.min(burst, bucket.tokens + (t - bucket.at) / refill);
    bucket.at = t;
    lookups.set(key, bucket);
    if (lookups.size > 1000) lookups.delete(lookups.keys().next().value!);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  };

  return (type, payload, sender) => {
    const key = tabKey(sender);
    if (type === 'overlay.lookup') {
      return take(key) ? undefined : { code: 'forbidden', message: 'Too many look-ups from this tab; wait a moment and try again' };
    }
    if (type === 'overlay.openSidePanel') {
      const t = now();
      const last = panels.get(key);
      if (last !== undefined && t - last < panelInterval) return { code: 'forbidden', message: 'The side panel was just opened from this tab' };
      panels.set(key, t);
      if (panels.size > 1000) panels.delete(panels.keys().next().value!);
      return undefined;
    }
    if (TICKET_MESSAGES.has(type)) {
      const { ticket, email } = payload as { ticket: { ticketUrl: string; requesterEmail?: string }; email?: string };
      const frame = originOf(sender.url);
      if (!frame || originOf(ticket.ticketUrl) !== frame) return { code: 'forbidden', message: 'The ticket URL is not on the origin of the page that sent it' };
      if (email !== undefined && ticket.requesterEmail !== undefined && email !== ticket.requesterEmail)
        return { code: 'forbidden', message: 'The e-mail differs from the one the helpdesk page shows' };
    }
    return undefined;
  };
}

function tabKey(sender: GuardedSender): string {
  const id = (sender.tab as { id?: unknown } | undefined)?.id;
  return typeof id === 'number' ? `tab:${id}` : `url:${originOf(sender.url) ?? ''}`;
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.origin === 'null' ? undefined : parsed.origin;
  } catch {
    return undefined;
  }
}
