// The document fonts the extension ships: the same four DejaVu Serif files lib/documents/fonts-node.ts
// reads in Node (test/documents/extension-fonts.test.ts checks they are the same bytes). wxt.config.ts
// copies them from node_modules/dejavu-fonts-ttf/ttf/ into the build's fonts/ folder, so nothing is
// committed and nothing is fetched from the network. Kept free of browser APIs: the build
// config imports it in Node.
import type { PdfFonts } from '../../../lib/documents/layout';

export const FONT_DIR = 'fonts';

export const FONT_FILES: Readonly<Record<keyof PdfFonts, string>> = {
  regular: 'DejaVuSerif.ttf',
  bold: 'DejaVuSerif-Bold.ttf',
  italic: 'DejaVuSerif-Italic.ttf',
  boldItalic: 'DejaVuSerif-BoldItalic.ttf',
};

/** Path of a font inside the extension, for runtime.getURL (background) or a FontFace (pages). */
export function fontPath(style: keyof PdfFonts): string {
  return `/${FONT_DIR}/${FONT_FILES[style]}`;
}
