// The registry of document kinds: DocumentKind → what that kind provides (lib/documents/kind.ts).
import { DOCUMENT_KINDS, type DocumentKind } from '../../model/document';
import type { DocumentKindSpec } from '../kind';
import { dpaKind } from './dpa';
import { dsarResponseKind } from './dsar-response';
import { registerKind } from './register';
import { subprocessorNoticeKind } from './subprocessor-notice';
import { subprocessorsKind } from './subprocessors';
import { breachNotificationKind } from './breach-notification';
import { breachLetterKind } from './breach-letter';
import { breachRegisterKind } from './breach-register';

const KINDS: Record<DocumentKind, DocumentKindSpec> = {
  dpa: dpaKind,
  subprocessors: subprocessorsKind,
  'subprocessor-notice': subprocessorNoticeKind,
  'dsar-response': dsarResponseKind,
  register: registerKind,
  'breach-notification': breachNotificationKind,
  'breach-letter': breachLetterKind,
  'breach-register': breachRegisterKind,
};

/** Kinds that can be rendered, in DOCUMENT_KINDS order. */
export function availableKinds(): DocumentKind[] {
  return DOCUMENT_KINDS.filter((kind) => KINDS[kind] !== undefined);
}

export function kindSpec(kind: DocumentKind): DocumentKindSpec {
  const spec = KINDS[kind];
  if (!spec) throw new Error(`no document kind "${kind}" (known: ${availableKinds().join(', ')})`);
  return spec;
}
