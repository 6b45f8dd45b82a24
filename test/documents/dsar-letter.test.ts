// A DSAR response is a letter: its closing ("Kind regards,") stays with the signature block, and
// it takes no more pages than its content needs.
import { beforeAll, describe, expect, it } from 'vitest';
import { UI_LANGUAGES, type UiLanguage } from '../../lib/model/common';
import { loadNodeFonts } from '../../lib/documents/fonts-node';
import type { PdfFonts } from '../../lib/documents/layout';
import { DSAR_SAMPLES } from '../../lib/documents/kinds/dsar-response';
import { renderDocument } from '../../lib/documents/render';
import { pdfText, savePdfAndPng } from './document-tools';

let fonts: PdfFonts;
beforeAll(async () => {
  fonts = await loadNodeFonts();
});

const CLOSING: Record<UiLanguage, string> = { en: 'Kind regards,', nl: 'Met vriendelijke groet,', de: 'Mit freundlichen Grüßen', it: 'Cordiali saluti,' };
const SIGNATURE: Record<UiLanguage, string> = { en: 'Signature', nl: 'Handtekening', de: 'Unterschrift', it: 'Firma' };

/**
 * Pages each sample letter needs: every one fills page 1 to the bottom, so the closing and the
 * signature block go on page 2 together (a third page or a lone signature would be a regression).
 */
const PAGES: Record<keyof typeof DSAR_SAMPLES, number> = { access: 2, portability: 2, erasure: 2, extension: 2, rejection: 2 };

describe('DSAR response letters', () => {
  for (const language of UI_LANGUAGES) {
    it.each(Object.keys(DSAR_SAMPLES) as (keyof typeof DSAR_SAMPLES)[])(`${language}: %s keeps the closing with the signature, on as few pages as needed`, async (variant) => {
      const doc = await renderDocument({ kind: 'dsar-response', language, input: DSAR_SAMPLES[variant](), fonts });
      savePdfAndPng(doc.bytes, `test-output/documents/dsar-letter.${variant}.${language}`);
      expect(doc.pages).toBe(PAGES[variant]);
      const last = pdfText(doc.bytes, doc.pages, doc.pages);
      expect(last).toContain(CLOSING[language]);
      expect(last).toContain(SIGNATURE[language]);
      // The closing is directly above the signature block, not left behind on the page before.
      for (let page = 1; page < doc.pages; page++) expect(pdfText(doc.bytes, page, page)).not.toContain(CLOSING[language]);
    });
  }
});
