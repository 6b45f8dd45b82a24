// Writes lib/documents/country-names.json: the name of every region code Intl.DisplayNames knows
// (CLDR, through the ICU of the Node that runs this), in the four document languages. Documents
// read names from the file instead of asking the runtime at render time, so that:
// - a document names a country the same in the extension (the browser's ICU) and in the CLI
//   (Node's), whichever versions those are;
// - a render does not load ICU's region names (about 13 ms of a cold `privacy-desk render`).
// Run by hand after a Node update, then look at the diff: a changed name changes documents' bytes.
// Run: node scripts/country-names.mjs
import { writeFileSync } from 'node:fs';

const LOCALES = { en: 'en-GB', nl: 'nl-NL', de: 'de-DE', it: 'it-IT' };
const codes = [];
for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) codes.push(String.fromCharCode(a, b));

const table = {};
for (const [lang, locale] of Object.entries(LOCALES)) {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  // A code ICU does not know comes back as itself; countryName() answers so without the table.
  table[lang] = Object.fromEntries(codes.flatMap((code) => (names.of(code) !== code ? [[code, names.of(code)]] : [])));
}
const counts = Object.values(table).map((names) => Object.keys(names).join());
if (new Set(counts).size !== 1) throw new Error('country-names: the languages know different codes');
writeFileSync(new URL('../lib/documents/country-names.json', import.meta.url), `${JSON.stringify(table, null, 1)}\n`);
process.stdout.write(`country-names: ${Object.keys(table.en).length} codes in ${Object.keys(table).length} languages (ICU ${process.versions.icu}, CLDR ${process.versions.cldr})\n`);
