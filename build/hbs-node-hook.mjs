// Node module hook: `import x from './t.hbs'` yields the precompiled template spec, as in the extension;
// a kind's `skeleton.hbs` yields its composed templates per language (build/skeleton.mjs).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { hbsModuleFor } from './skeleton.mjs';

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.hbs')) return nextLoad(url, context);
  const source = await readFile(new URL(url), 'utf8');
  return { format: 'module', shortCircuit: true, source: hbsModuleFor(fileURLToPath(url), source).code };
}
