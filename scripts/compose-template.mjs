// `node scripts/compose-template.mjs <kind> <lang>`: prints a built-in template as one complete
// `.hbs` (the kind's skeleton composed with the language's catalogue, templates/README.md), e.g.
// to start a custom template from, or to read a whole document's wording with its numbers.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeKind, LANGUAGES, loadKind } from '../build/skeleton.mjs';

const [kind, lang] = process.argv.slice(2);
if (!kind || !LANGUAGES.includes(lang)) {
  process.stderr.write(`usage: node scripts/compose-template.mjs <kind> <${LANGUAGES.join('|')}>\n`);
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { files } = loadKind(join(root, 'templates', kind, 'skeleton.hbs'));
process.stdout.write(composeKind(kind, files).sources[lang]);
