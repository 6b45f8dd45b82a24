// The flow: everything on the pages as a list of unbreakable items (a line of text, a table row,
// a signature row), and the pagination that distributes them over pages.
import type { PageCanvas } from './canvas';

/** A shaded box drawn behind a run of items, split where the page breaks (notices). */
export interface Frame {
  readonly pad: number;
  draw(canvas: PageCanvas, x: number, top: number, bottom: number): void;
}

export interface FlowItem {
  readonly height: number;
  /** Space above the item; dropped at the top of a page. */
  readonly spaceBefore: number;
  /** No page break between this item and the next (headings, orphan and widow control, table header). */
  readonly keepWithNext: boolean;
  /** `<!-- pagebreak -->`: start a new page before this item. */
  readonly breakBefore?: boolean;
  /** Drawn at the top of the page first when a page break falls before this item (a table's header row). */
  readonly repeat?: FlowItem;
  readonly frame?: Frame;
  /** Draws the item with its top-left corner at (x, top) in PDF user space (y grows upwards). */
  draw(canvas: PageCanvas, x: number, top: number): void;
}

export interface Placement {
  readonly item: FlowItem;
  /** Distance from the top of the body area. */
  readonly y: number;
}

/**
 * First fit with keeps: an item goes on the current page if it, and every item chained to it by
 * keepWithNext, fits below; otherwise a new page starts. A chain taller than a whole page is
 * broken where it must be (keeping it together is impossible).
 */
export function paginate(items: readonly FlowItem[], bodyHeight: number): Placement[][] {
  const pages: Placement[][] = [[]];
  let page = pages[0]!;
  let y = 0;

  const place = (item: FlowItem, at: number) => {
    page.push({ item, y: at });
    y = at + item.height;
  };
  const newPage = (next: FlowItem) => {
    page = [];
    pages.push(page);
    y = 0;
    if (next.repeat && next.repeat !== next) place(next.repeat, next.frame?.pad ?? 0);
  };

  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.breakBefore && page.length) newPage(item);
    const pad = item.frame?.pad ?? 0;
    const limit = bodyHeight - pad;
    const topOf = () => (page.length ? y + item.spaceBefore : pad);

    let chain = item.height;
    for (let j = i; items[j]!.keepWithNext && j + 1 < items.length && !items[j + 1]!.breakBefore; j++) {
      chain += items[j + 1]!.spaceBefore + items[j + 1]!.height;
    }
    const repeatHeight = item.repeat && item.repeat !== item ? item.repeat.height : 0;
    const keepable = pad + repeatHeight + chain <= limit;
    const needed = keepable ? chain : item.height;
    if (page.length && topOf() + needed > limit) newPage(item);
    place(item, topOf());
  }
  return pages;
}
