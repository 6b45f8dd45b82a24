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

/** First e-mail address found in a string. */
export function findEmail(text: string): string | undefined {
  return /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/.exec(text)?.[0];
}
