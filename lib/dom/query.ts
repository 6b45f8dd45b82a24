// DOM helpers for adapters. No app imports (STYLE.md). Every string read here is untrusted page text.

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

/** Visible text of an element with runs of white space collapsed. */
export function textOf(el: Element | null | undefined): string {
  if (!el) return '';
  const raw = (el as HTMLElement).innerText ?? el.textContent ?? '';
  return raw.replace(/[ \t\f\v\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
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
