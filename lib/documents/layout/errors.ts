/** Markup the layout engine does not support (MARKUP.md), with the 1-based line of the source it is on. */
export class MarkupError extends Error {
  constructor(
    readonly line: number,
    readonly detail: string,
  ) {
    super(`Unsupported markup on line ${line}: ${detail}`);
    this.name = 'MarkupError';
  }
}
