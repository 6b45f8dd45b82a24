// The registry of document kinds: DocumentKind → what that kind provides (lib/documents/kind.ts).
import type { DocumentKind } from '../../model/document';
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

/** The spec of a kind. The record is total over DocumentKind, so the compiler makes sure every kind has one. */
export function kindSpec(kind: DocumentKind): DocumentKindSpec {
  return KINDS[kind];
}
