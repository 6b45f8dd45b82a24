// A DSAR response is a letter: its closing ("Kind regards,") stays with the signature and with the
// text before it, it is signed like a letter (name and title, no lines for place and date), and
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
/** The labels of a contract's signature block, which a dated letter does not have. */
const CONTRACT_LABELS: Record<UiLanguage, RegExp> = {
  en: /^(?:Signature|Place|Date)$/m,
  nl: /^(?:Handtekening|Plaats|Datum)$/m,
  de: /^(?:Unterschrift|Ort|Datum)$/m,
  it: /^(?:Firma|Luogo|Data)$/m,
};

/**
 * Pages each sample letter may need at most: the closing and the signature go together, after at
 * least the last lines of the text (a third page or a lone signature would be a regression).
 */
const PAGES: Record<keyof typeof DSAR_SAMPLES, number> = { access: 2, portability: 2, erasure: 2, extension: 2, rejection: 2 };

describe('DSAR response letters', () => {
  for (const language of UI_LANGUAGES) {
    it.each(Object.keys(DSAR_SAMPLES) as (keyof typeof DSAR_SAMPLES)[])(`${language}: %s keeps the closing with the signature, on as few pages as needed`, async (variant) => {
      const input = DSAR_SAMPLES[variant]();
      const doc = await renderDocument({ kind: 'dsar-response', language, input, fonts });
      savePdfAndPng(doc.bytes, `test-output/documents/dsar-letter.${variant}.${language}`);
      expect(doc.pages).toBeLessThanOrEqual(PAGES[variant]);
      const last = pdfText(doc.bytes, doc.pages, doc.pages);
      expect(last).toContain(CLOSING[language]);
      expect(last).toContain((input.signatory ?? input.controller.representative).name);
      // Not alone: text of the letter comes before the closing on its page.
      expect(last.slice(0, last.indexOf(CLOSING[language])).trim().split('\n').length).toBeGreaterThanOrEqual(2);
      expect(pdfText(doc.bytes)).not.toMatch(CONTRACT_LABELS[language]);
      // The closing is directly above the signature block, not left behind on the page before.
      for (let page = 1; page < doc.pages; page++) expect(pdfText(doc.bytes, page, page)).not.toContain(CLOSING[language]);
    });
  }
});
