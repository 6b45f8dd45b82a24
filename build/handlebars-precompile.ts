// Vite plugin: compiles `*.hbs` files to Handlebars template specs at build time.
// Why: MV3's CSP forbids eval, and Handlebars.compile() needs `new Function`,
// so only precompiled specs plus `handlebars/runtime` ship in the extension.
// A kind's skeleton.hbs is composed with its catalogues first (build/skeleton.mjs, templates/README.md).
import type { Plugin } from 'vite';
import { hbsModuleFor } from './skeleton.mjs';

export function handlebarsPrecompile(): Plugin {
  return {
    name: 'privacy-desk:handlebars-precompile',
    enforce: 'pre',
    transform(source, id) {
      if (!id.endsWith('.hbs')) return null;
      const { code, files } = hbsModuleFor(id, source);
      for (const file of files) if (file !== id) this.addWatchFile(file);
      return { code, map: null };
    },
  };
}
