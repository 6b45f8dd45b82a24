// The custom adapter: for a helpdesk we ship no adapter for, or one on a self-hosted domain, the DPO
// sets CSS selectors in the options page. One adapter is created per configured origin and claims
// pages of that origin only.
//
// Selector syntax (CustomSelectors, lib/model/helpdesk.ts), shown in the options page:
//
//  ticketId       a CSS selector whose first match's text is the ticket id, or
//                 `url:` followed by a regular expression with a capture group, tested against the
//                 whole page URL (href, including query and hash); the first group is the id.
//                 Example: `url:/tickets/(\d+)` or `url:#ticket/(\d+)`. No match means "no ticket here".
//  subject        CSS selector; an <input>/<textarea> gives its value, any other element its text.
//  requesterName  CSS selector (text).
//  requesterEmail CSS selector, optional; a mailto: link's address, or the element's text or title
//                 when all of it is one address (never an address found inside a longer text).
//  messages       CSS selector matching each message. To tell who wrote which, list labelled parts
//                 separated by `;`:  `customer: .msg.incoming; agent: .msg.outgoing; note: .msg.internal`
//                 A label is `customer:`, `agent:` or `note:` followed by a space. Unlabelled messages
//                 count as the customer's (the text a request is looked for in). Messages come back in
//                 page order; an element matched by several parts takes the first part's label.
//  anchor         CSS selector of the element the overlay is placed next to.
//
// A selector that is no valid CSS (or a `url:` pattern that is no valid regular expression) raises a
// ValidationError naming the field, at creation when a DOM is at hand, else at first use.
import type { HelpdeskAdapter, SelectorSpec } from '../adapter';
import type { CustomSelectors, TicketContext, TicketMessage } from '../../model/helpdesk';
import { ValidationError } from '../../model/errors';
import { exactEmail, mailtoAddress, SelectorNotFoundError, textOf } from '../../dom/query';
import { toTicketContext } from '../ticket-context';

export const URL_PATTERN_PREFIX = 'url:';
/** Where the options page keeps the custom helpdesks (storage.local): lib/settings/custom-helpdesks.ts. */
export const CUSTOM_HELPDESKS_KEY = 'customHelpdesks';
/** The organisation policy's custom helpdesks, copied there by the background (entrypoints/background/managed.ts). */
export const MANAGED_CUSTOM_HELPDESKS_KEY = 'customHelpdesksManaged';
const MESSAGE_LABEL = /^(customer|agent|note):\s+([\s\S]+)$/;
const SAMPLE_LENGTH = 80;

type Field = keyof CustomSelectors;
type Author = TicketMessage['author'];

type TicketIdSource = { kind: 'css'; selector: string } | { kind: 'url'; pattern: RegExp };
interface MessagePart {
  author: Author;
  selector: string;
}

function invalid(field: Field | 'origin', detail: string): ValidationError {
  return new ValidationError('Custom helpdesk selectors', [field], `${field}: ${detail}`);
}

/** Throws a ValidationError naming the field when the selector is no valid CSS. */
function checkSyntax(field: Field, selector: string, doc: Document): void {
  try {
    doc.createDocumentFragment().querySelector(selector);
  } catch {
    throw invalid(field, `"${selector}" is not a valid CSS selector`);
  }
}

function queryAll(root: Document, field: Field, selector: string): Element[] {
  checkSyntax(field, selector, root);
  return [...root.querySelectorAll(selector)];
}

function queryFirst(root: Document, field: Field, selector: string): Element | null {
  checkSyntax(field, selector, root);
  return root.querySelector(selector);
}

/** The longest URL a `url:` pattern is tried on; longer URLs have no ticket id. */
export const MAX_PATTERN_URL = 2048;

/**
 * Why a `url:` pattern could take catastrophically long on a hostile URL (the page chooses its URL),
 * or undefined when it cannot. Refused: a quantified group that itself contains a quantifier or an
 * alternation (`(a+)+`, `(a|aa)*`, the shapes of exponential backtracking), back-references and
 * lookarounds, and patterns over 200 characters. Plain patterns like `/tickets/(\d+)` pass.
 */
export function unsafePattern(source: string): string | undefined {
  if (source.length > 200) return 'is longer than 200 characters';
  if (/\\[1-9]|\\k</.test(source)) return 'must not use back-references';
  if (/\(\?<?[=!]/.test(source)) return 'must not use lookarounds';
  // Scan groups: a group containing a quantifier or "|" must not itself be quantified.
  const stack: boolean[] = [];
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i]!;
    if (c === '\\') {
      i += 1;
      continue;
    }
    if (c === '[') {
      // Skip a character class: its "*" or "+" are literal.
      const end = source.indexOf(']', i + 2);
      if (end < 0) return undefined;
      i = end;
      continue;
    }
    if (c === '(') stack.push(false);
    else if (c === ')') {
      const risky = stack.pop() ?? false;
      const next = source[i + 1];
      if (risky && (next === '*' || next === '+' || next === '{' || next === '?')) return 'must not repeat a group that itself repeats or alternates, like (a+)+ or (a|b)*';
      if (risky && stack.length) stack[stack.length - 1] = true;
    } else if ((c === '*' || c === '+' || c === '{' || c === '|') && stack.length) stack[stack.length - 1] = true;
  }
  return undefined;
}

function parseTicketId(raw: string): TicketIdSource {
  const value = raw.trim();
  if (!value.startsWith(URL_PATTERN_PREFIX)) return { kind: 'css', selector: value };
  const source = value.slice(URL_PATTERN_PREFIX.length).trim();
  const unsafe = unsafePattern(source);
  if (unsafe) throw invalid('ticketId', `"${source}" after "url:" ${unsafe}`);
  let pattern: RegExp;
  try {
    pattern = new RegExp(source);
  } catch {
    throw invalid('ticketId', `"${source}" after "url:" is not a valid regular expression`);
  }
  // A regex extended with an empty alternative always matches "", which reveals its group count.
  const groups = (new RegExp(`${source}|`).exec('') ?? []).length - 1;
  if (groups < 1) throw invalid('ticketId', `"${source}" after "url:" needs a capture group ( … ) around the id`);
  return { kind: 'url', pattern };
}

/** Splits on `;` outside quotes, brackets and parentheses, so `[title="a;b"]` stays whole. */
function splitParts(raw: string): string[] {
  const parts: string[] = [];
  let quote: string | null = null;
  let depth = 0;
  let current = '';
  for (const ch of raw) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '[' || ch === '(') {
      depth++;
    } else if ((ch === ']' || ch === ')') && depth > 0) {
      depth--;
    } else if (ch === ';' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

function parseMessages(raw: string): MessagePart[] {
  const parts = splitParts(raw).map((part): MessagePart => {
    const labelled = MESSAGE_LABEL.exec(part);
    return labelled ? { author: labelled[1] as Author, selector: labelled[2]!.trim() } : { author: 'customer', selector: part };
  });
  if (parts.length === 0) throw invalid('messages', 'no selector given');
  return parts;
}

interface ParsedSelectors {
  ticketId: TicketIdSource;
  subject: string;
  requesterName: string;
  requesterEmail: string | undefined;
  messages: MessagePart[];
  anchor: string;
}

function parseSelectors(selectors: CustomSelectors): ParsedSelectors {
  const email = selectors.requesterEmail?.trim();
  return {
    ticketId: parseTicketId(selectors.ticketId),
    subject: selectors.subject.trim(),
    requesterName: selectors.requesterName.trim(),
    requesterEmail: email ? email : undefined,
    messages: parseMessages(selectors.messages),
    anchor: selectors.anchor.trim(),
  };
}

/** Every CSS selector of the configuration with its field, for syntax checks and the selector list. */
function cssSelectors(parsed: ParsedSelectors): Array<{ field: Field; name: string; selector: string }> {
  const list: Array<{ field: Field; name: string; selector: string }> = [];
  if (parsed.ticketId.kind === 'css') list.push({ field: 'ticketId', name: 'ticketId', selector: parsed.ticketId.selector });
  list.push({ field: 'subject', name: 'subject', selector: parsed.subject });
  list.push({ field: 'requesterName', name: 'requesterName', selector: parsed.requesterName });
  if (parsed.requesterEmail) list.push({ field: 'requesterEmail', name: 'requesterEmail', selector: parsed.requesterEmail });
  parsed.messages.forEach((part, i) =>
    list.push({ field: 'messages', name: parsed.messages.length > 1 ? `messages.${i + 1}.${part.author}` : 'messages', selector: part.selector }),
  );
  list.push({ field: 'anchor', name: 'anchor', selector: parsed.anchor });
  return list;
}

function readTicketId(source: TicketIdSource, doc: Document, url: URL): string | undefined {
  if (source.kind === 'url') return url.href.length > MAX_PATTERN_URL ? undefined : source.pattern.exec(url.href)?.[1]?.trim() || undefined;
  return textOf(queryFirst(doc, 'ticketId', source.selector)) || undefined;
}

/** An input's value (tagName, not instanceof: the element may come from another realm), else the text. */
function valueOf(el: Element | null): string {
  if (!el) return '';
  if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') return (el as HTMLInputElement).value.trim();
  return textOf(el);
}

/** A mailto: link's address, or the element's text when all of it is one address (a dedicated field). */
function emailOf(el: Element | null): string | undefined {
  if (!el) return undefined;
  return mailtoAddress(el) ?? exactEmail(textOf(el)) ?? exactEmail(el.getAttribute('title'));
}

/** Messages of all parts in page order, each element once (the first part that matched it labels it). */
function readMessages(parts: readonly MessagePart[], doc: Document): Array<{ el: Element; author: Author }> {
  const found = new Map<Element, Author>();
  for (const part of parts) {
    for (const el of queryAll(doc, 'messages', part.selector)) if (!found.has(el)) found.set(el, part.author);
  }
  return [...found]
    .map(([el, author]) => ({ el, author }))
    .sort((a, b) => (a.el.compareDocumentPosition(b.el) & 4 /* Node.DOCUMENT_POSITION_FOLLOWING */ ? -1 : 1));
}

function normaliseOrigin(origin: string): string {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    throw invalid('origin', `"${origin}" is not an origin like https://support.example.com`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw invalid('origin', `"${origin}" is not an http(s) origin`);
  }
  return parsed.origin;
}

export function createCustomAdapter(origin: string, selectors: CustomSelectors): HelpdeskAdapter {
  const home = normaliseOrigin(origin);
  const parsed = parseSelectors(selectors);
  const css = cssSelectors(parsed);
  // Check CSS syntax now when this context has a DOM (options page, content script); in a worker
  // the same check runs on the page's document at first use.
  const here = (globalThis as { document?: Document }).document;
  if (here) for (const { field, selector } of css) checkSyntax(field, selector, here);

  const specs: Record<string, SelectorSpec> = {};
  for (const { name, selector } of css) {
    // Expectations are unknown for a DPO's own selectors: testCustomSelectors() shows the counts instead.
    specs[name] = { selector, expect: {}, note: `set by the DPO for ${home}` };
  }

  return {
    kind: 'custom',
    label: `Custom helpdesk (${new URL(home).host})`,

    // Only the origin the DPO configured (and granted host access to); the page is not inspected.
    matches(url) {
      return url.origin === home;
    },

    readTicket(doc, url): TicketContext | null {
      const ticketId = readTicketId(parsed.ticketId, doc, url);
      if (ticketId === undefined) return null;

      const subject = queryFirst(doc, 'subject', parsed.subject);
      if (!subject) throw new SelectorNotFoundError('subject', parsed.subject);
      const name = queryFirst(doc, 'requesterName', parsed.requesterName);
      if (!name) throw new SelectorNotFoundError('requesterName', parsed.requesterName);
      const email = parsed.requesterEmail ? queryFirst(doc, 'requesterEmail', parsed.requesterEmail) : null;
      const messages = readMessages(parsed.messages, doc);
      if (messages.length === 0) throw new SelectorNotFoundError('messages', selectors.messages);

      return toTicketContext({
        helpdesk: 'custom',
        ticketId,
        ticketUrl: url.href,
        subject: valueOf(subject),
        requesterName: textOf(name),
        requesterEmail: emailOf(email),
        messages: messages.map(({ el, author }) => ({ author, text: textOf(el) })),
      });
    },

    anchor(doc) {
      return queryFirst(doc, 'anchor', parsed.anchor);
    },

    selectors: specs,
    testUrls: [`${home}/`],
  };
}

/** What one field's selector finds on a page, for the options page's "test on this tab". */
export interface SelectorFieldResult {
  count: number;
  /** The first match's text (an input's value), at most 80 characters. */
  sample: string;
  /** Why the selector could not be used (invalid CSS or regular expression), naming the field. */
  error?: string;
}

export type SelectorTestReport = Partial<Record<Field, SelectorFieldResult>>;

const sample = (text: string) => text.slice(0, SAMPLE_LENGTH);

/**
 * Runs each configured selector on the page and reports its match count and a sample, field by
 * field; an invalid selector is reported on its field without stopping the others.
 * requesterEmail appears only when configured.
 */
export function testCustomSelectors(doc: Document, selectors: CustomSelectors): SelectorTestReport {
  const report: SelectorTestReport = {};
  const run = (field: Field, test: () => SelectorFieldResult) => {
    try {
      report[field] = test();
    } catch (error) {
      report[field] = { count: 0, sample: '', error: error instanceof Error ? error.message : String(error) };
    }
  };
  const css = (field: Field, selector: string, read: (el: Element) => string = textOf) => () => {
    const found = queryAll(doc, field, selector.trim());
    return { count: found.length, sample: found[0] ? sample(read(found[0])) : '' };
  };

  run('ticketId', () => {
    const source = parseTicketId(selectors.ticketId);
    if (source.kind === 'css') return css('ticketId', source.selector)();
    const id = doc.URL.length > MAX_PATTERN_URL ? undefined : source.pattern.exec(doc.URL)?.[1]?.trim();
    return id ? { count: 1, sample: sample(id) } : { count: 0, sample: '' };
  });
  run('subject', css('subject', selectors.subject, valueOf));
  run('requesterName', css('requesterName', selectors.requesterName));
  if (selectors.requesterEmail?.trim()) run('requesterEmail', css('requesterEmail', selectors.requesterEmail));
  run('messages', () => {
    const found = readMessages(parseMessages(selectors.messages), doc);
    return { count: found.length, sample: found[0] ? sample(textOf(found[0].el)) : '' };
  });
  run('anchor', css('anchor', selectors.anchor));
  return report;
}
