// The PDF bytes the background sends (base64: messages are JSON) as a file the user saves.
import { fromBase64 } from '../../lib/db/crypto/bytes';
import type { GeneratedDocument } from '../../lib/model/document';
import { downloadBlob } from '../sidepanel/download';

/** `privacy-desk-dpa-de-2026-03-02-1a2b3c4d.pdf`: kind, language, day and the start of the output hash. */
export function pdfFileName(document: GeneratedDocument): string {
  return `privacy-desk-${document.kind}-${document.language}-${document.createdAt.slice(0, 10)}-${document.outputSha256.slice(0, 8)}.pdf`;
}

export function downloadPdf(document: GeneratedDocument, base64: string): void {
  const bytes = fromBase64(base64);
  downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), pdfFileName(document));
}
