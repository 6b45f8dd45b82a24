// Vite plugin: compiles `*.hbs` files to Handlebars template specs at build time.
// Why: MV3's CSP forbids eval, and Handlebars.compile() needs `new Function`,
// so only precompiled specs plus `handlebars/runtime` ship in the extension.
import type { Plugin } from 'vite';
import { hbsModule } from './hbs-module.mjs';

export function handlebarsPrecompile(): Plugin {
  return {
    name: 'privacy-desk:handlebars-precompile',
    enforce: 'pre',
    transform(source, id) {
      if (!id.endsWith('.hbs')) return null;
      return { code: hbsModule(source), map: null };
    },
  };
}
