// Node module hook: `import x from './t.hbs'` yields the precompiled template spec, as in the extension.
import { readFile } from 'node:fs/promises';
import { hbsModule } from './hbs-module.mjs';

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.hbs')) return nextLoad(url, context);
  const source = await readFile(new URL(url), 'utf8');
  return { format: 'module', shortCircuit: true, source: hbsModule(source) };
}
