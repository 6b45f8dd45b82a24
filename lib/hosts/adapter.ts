// The one contract every helpdesk implements one folder per helpdesk under lib/hosts/,
// each exporting this contract (checked for all of them by test/hosts/contract.test.ts).
import type { HelpdeskKind, TicketContext } from '../model/helpdesk';

/** A named selector with the fixture pages it must match and how often (contract-tested). */
export interface SelectorSpec {
  readonly selector: string;
  /** fixture file name (relative to test/fixtures/<helpdesk>/) → expected match count */
  readonly expect: Readonly<Record<string, number>>;
  /** Which page variant this selector (or each alternative in it) covers. */
  readonly note?: string;
}

export interface HelpdeskAdapter {
  readonly kind: HelpdeskKind;
  /** Human name for the UI. */
  readonly label: string;
  /** Pure URL check; `document` adds a page-fingerprint check for self-hosted helpdesks. */
  matches(url: URL, document?: Document): boolean;
  /**
   * Reads the active ticket. Returns null on a page that is not a ticket (a list, a dashboard).
   * Throws SelectorNotFoundError when the page is a ticket page but a required element is missing.
   */
  readTicket(document: Document, url: URL): TicketContext | null;
  /** Element the overlay attaches next to (inside the active ticket). */
  anchor(document: Document): Element | null;
  /**
   * Element whose subtree changes when the agent switches ticket or a message arrives;
   * the overlay observes it (and the URL) to re-read. Defaults to document.body.
   */
  observeRoot?(document: Document): Element | null;
  /** The adapter's selectors with their expectations, for the contract test. */
  readonly selectors: Readonly<Record<string, SelectorSpec>>;
  /** URLs this adapter must accept (used by the URL-detector contract test against all other adapters). */
  readonly testUrls: readonly string[];
}
