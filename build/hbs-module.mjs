// One place that turns a `.hbs` source into the ES module the app imports: a precompiled spec.
// Used by the Vite plugin (extension + vitest), the Node hook, the CLI bundle and the extension's
// sandbox page (custom templates), so all compile alike. Browser-safe: a kind's skeleton is
// composed by build/skeleton.mjs, which needs Node and runs only at build time.
// `strict: true` makes a template that references a missing field throw with the field's name
// instead of printing nothing (never a half-filled PDF).
import Handlebars from 'handlebars';

export const HBS_PRECOMPILE_OPTIONS = { strict: true };

export function hbsModule(source) {
  const spec = Handlebars.precompile(source, HBS_PRECOMPILE_OPTIONS);
  return `const spec = ${spec};\nexport default spec;\nexport const source = ${JSON.stringify(source)};\nexport const templates = undefined;\nexport const templateVersion = undefined;\n`;
}

