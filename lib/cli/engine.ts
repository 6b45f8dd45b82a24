// The document half of the CLI package: the PDF engine, templates and schemas, with `render` and
// the library functions that use them. scripts/build-cli.mjs bundles it into one script,
// engine.js, which ./engine-loader.ts runs with a V8 code cache made at build time, so a render
// does not parse and compile about 3 MB of JavaScript at every start.
//
// From source (tsx, tests) nothing goes through here: commands/index.ts and library.ts import
// these modules directly.
export { command as renderCommand } from './commands/render';
export { DOCUMENT_KINDS, DOCUMENT_LANGUAGES, exampleInput, renderDocument } from './library';
