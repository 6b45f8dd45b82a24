// DOM helpers for adapters. No app imports, so adapters stay independent of the extension. Every string read here is untrusted page text.

/** A selector expected on this page found nothing: the helpdesk's page layout changed. */
export class SelectorNotFoundError extends Error {
  override readonly name = 'SelectorNotFoundError';
  constructor(
    readonly selectorName: string,
    readonly selector: string,
  ) {
    super(`The page layout was not recognised: "${selectorName}" (${selector}) matched nothing`);
  }
}

export function querySelectorOrFail<E extends Element = Element>(root: ParentNode, selector: string, name = selector): E {
  const found = root.querySelector<E>(selector);
  if (!found) throw new SelectorNotFoundError(name, selector);
  return found;
}

/**
 * At most this many characters of an element's text are read. Nothing downstream reads further: the
 * classifier reads the first few thousand characters of each message (lib/detect/bounds.ts).
 */
export const MAX_READ_CHARS = 8_000;

// Elements whose boundaries are line breaks when the text is shown, as innerText would render them.
const BLOCK = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/**
 * Text of an element as it reads, with a line break at block boundaries, walked from the DOM rather
 * than through `innerText`: innerText lays the whole page out first, and a thread of 50 messages of
 * 100 000 characters held the tab for seconds inside our read. Stops after `max` characters.
 */
function blockText(root: Element, max: number): string {
  const parts: string[] = [];
  let length = 0;
  const walk = (node: Node): boolean => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (length >= max) return false;
      if (child.nodeType === 3) {
        const text = child.nodeValue ?? '';
        parts.push(text);
        length += text.length;
      } else if (child.nodeType === 1) {
        const tag = (child as Element).tagName;
        if (SKIP.has(tag)) continue;
        const block = BLOCK.has(tag);
        if (block) parts.push('\n');
        if (!walk(child)) return false;
        if (block) parts.push('\n');
      }
    }
    return true;
  };
  walk(root);
  return parts.join('').slice(0, max);
}

/** Visible text of an element with runs of white space collapsed (at most MAX_READ_CHARS of it). */
export function textOf(el: Element | null | undefined): string {
  if (!el) return '';
  return blockText(el, MAX_READ_CHARS).replace(/[ \t\f\v\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
}

/** Value of an input or the text of any other element (subjects are often editable inputs). */
export function valueOrText(el: Element | null | undefined): string {
  if (!el) return '';
  // Tag names, not instanceof: the element may come from another window (frames, test documents).
  if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') return (el as HTMLInputElement).value.trim();
  return textOf(el);
}

const ADDRESS = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63}$/;

/**
 * The e-mail address a dedicated field holds: the field's whole text must be one address. Never the
 * first address found in a longer text: a display name may itself look like an address (a customer
 * who calls themself "ceo@bank.example"), and the page decides what else stands in a text block.
 * Anchored, with bounded repetitions, so it runs in linear time on any input.
 */
export function exactEmail(text: string | null | undefined): string | undefined {
  const trimmed = text?.trim() ?? '';
  if (trimmed.length > 320) return undefined;
  return ADDRESS.test(trimmed) ? trimmed : undefined;
}

/** The address of a `mailto:` link (one recipient, no query), or undefined for any other link. */
export function mailtoAddress(link: Element | null | undefined): string | undefined {
  const href = link?.getAttribute('href')?.trim() ?? '';
  if (!/^mailto:/i.test(href)) return undefined;
  let target = href.slice('mailto:'.length).split('?')[0] ?? '';
  try {
    target = decodeURIComponent(target);
  } catch {
    return undefined;
  }
  return exactEmail(target);
}

/**
 * The address in the angle brackets that end a "Display Name <address>" line (RFC 5322 name-addr):
 * only the bracketed part, so an address-like display name is never taken for the address.
 */
export function nameAddrEmail(text: string | null | undefined): string | undefined {
  const match = /<([^<>\s]{3,320})>\s*$/.exec(text ?? '');
  return match ? exactEmail(match[1]) : undefined;
}
