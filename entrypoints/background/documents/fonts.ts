// Loads the document fonts in the service worker from the extension's own files (never the network).
import browser from 'webextension-polyfill';
import type { PdfFonts } from '../../../lib/documents/layout';
import { FONT_FILES, fontPath } from './font-files';

let loading: Promise<PdfFonts> | undefined;

/** Reads the four fonts once per service-worker life; a failed read is retried on the next call. */
export function loadExtensionFonts(): Promise<PdfFonts> {
  loading ??= read().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function read(): Promise<PdfFonts> {
  const styles = Object.keys(FONT_FILES) as (keyof PdfFonts)[];
  const loaded = await Promise.all(
    styles.map(async (style) => {
      const response = await fetch(browser.runtime.getURL(fontPath(style)));
      if (!response.ok) throw new Error(`The document font ${FONT_FILES[style]} is missing from the extension (${response.status})`);
      return [style, new Uint8Array(await response.arrayBuffer())] as const;
    }),
  );
  return Object.fromEntries(loaded) as unknown as PdfFonts;
}
