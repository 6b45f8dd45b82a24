// One place that turns a `.hbs` source into the ES module the app imports: a precompiled spec.
// Used by the Vite plugin (extension + vitest) and by the Node hook (CLI), so both compile alike.
// `strict: true` makes a template that references a missing field throw with the field's name
// instead of printing nothing (never a half-filled PDF).
import Handlebars from 'handlebars';

export const HBS_PRECOMPILE_OPTIONS = { strict: true };

export function hbsModule(source) {
  const spec = Handlebars.precompile(source, HBS_PRECOMPILE_OPTIONS);
  return `const spec = ${spec};\nexport default spec;\nexport const source = ${JSON.stringify(source)};\n`;
}
