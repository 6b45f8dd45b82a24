// fontkit's ES build as the CLI's engine bundles it (scripts/build-cli.mjs: CommonJS, for Node),
// changed by one of the build's text transforms and with a probe appended to its module, so that a
// test can compare what the changed module builds with what the unchanged one builds.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
export const FONTKIT = join(dirname(require.resolve('@pdf-lib/fontkit/package.json')), 'dist/fontkit.es.js');

/**
 * fontkit's module exports (with `probe`'s, which can read the module's own variables) after
 * `transform` changed its source. Run with Node's `require`: the engine's fontkit loads node:zlib.
 */
export async function loadFontkit<T>(transform: (code: string) => string, probe: string): Promise<T> {
  const result = await build({
    stdin: { contents: `module.exports = require(${JSON.stringify(FONTKIT)});`, resolveDir: dirname(FONTKIT) },
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    mainFields: ['module', 'main'],
    logLevel: 'silent',
    plugins: [{ name: 'probe', setup: (b) => b.onLoad({ filter: /fontkit\.es\.js$/ }, () => ({ contents: transform(readFileSync(FONTKIT, 'utf8')) + probe, loader: 'js' })) }],
  });
  const module = { exports: {} as T };
  new Function('module', 'exports', 'require', result.outputFiles[0]!.text)(module, module.exports, require);
  return module.exports;
}
