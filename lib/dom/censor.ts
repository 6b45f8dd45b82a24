// Privacy-safe diagnostics (InboxSDK's censorHTMLtree): when a selector breaks, show the page's
// structure — tags, ids, classes, data-/aria- attribute names — with every text and attribute value
// censored, so an agent can send it to us without leaking the customer's data.

const KEEP_VALUES = new Set(['id', 'class', 'role', 'type']);
const MAX_NODES = 400;

/** An indented outline of the subtree; text becomes "[n chars]", attribute values become "…". */
export function censoredOutline(root: Element, maxDepth = 8): string {
  const lines: string[] = [];
  let nodes = 0;
  const walk = (el: Element, depth: number) => {
    if (nodes++ >= MAX_NODES) return;
    const attrs = [...el.attributes]
      .filter((a) => !['style', 'src', 'href', 'value', 'title', 'alt', 'placeholder'].includes(a.name))
      .map((a) => (KEEP_VALUES.has(a.name) ? `${a.name}="${censorIdentifier(a.value)}"` : `${a.name}="…"`));
    const text = [...el.childNodes]
      .filter((n) => n.nodeType === 3)
      .map((n) => n.textContent?.trim() ?? '')
      .join('');
    lines.push(`${'  '.repeat(depth)}<${el.tagName.toLowerCase()}${attrs.length ? ' ' + attrs.join(' ') : ''}>${text ? ` [${text.length} chars]` : ''}`);
    if (depth >= maxDepth) {
      if (el.children.length) lines.push(`${'  '.repeat(depth + 1)}… ${el.children.length} children`);
      return;
    }
    for (const child of el.children) walk(child, depth + 1);
  };
  walk(root, 0);
  if (nodes > MAX_NODES) lines.push(`… truncated after ${MAX_NODES} elements`);
  return lines.join('\n');
}

/**
 * Ids and class names are structure, but some apps put data in them (`user-jan@example.nl`, long
 * numbers): anything that looks like an e-mail, a number run or a long token is masked.
 */
function censorIdentifier(value: string): string {
  return value
    .split(/\s+/)
    .filter(Boolean)
    .map((token) => (/@|\d{3,}|^[A-Za-z0-9_-]{24,}$/.test(token) ? '…' : token))
    .join(' ');
}
