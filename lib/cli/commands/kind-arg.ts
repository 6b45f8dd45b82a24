// The `<kind>` argument shared by render, example and schema.
import { DOCUMENT_KINDS, type DocumentKind } from '../../model/document';
import { UsageError } from '../io';

/** The `<kind>` positional of render, example and schema. */
export function documentKindArg(positionals: readonly string[], usage: string): DocumentKind {
  const [kind, ...extra] = positionals;
  if (!kind) throw new UsageError(`name a document kind\n${usage}`);
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"\n${usage}`);
  if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`unknown document kind "${kind}" (one of: ${DOCUMENT_KINDS.join(', ')})`);
  }
  return kind as DocumentKind;
}
