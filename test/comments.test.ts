// Comments cite only what a reader of the repository can open (its READMEs, docs/, PERMISSIONS.md) or
// articles of law: never the project's private working notes, which are not in the repository.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['lib', 'entrypoints', 'server', 'scripts', 'test', 'bench', 'build', 'wxt.config.ts'];
const SOURCE = /\.(ts|tsx|mjs|cjs)$/;
const SKIP_DIRS = new Set(['node_modules', 'fixtures', '.cache', '.output', 'test-output']);

// Built from parts so this file does not match itself.
const NOTES = ['SPEC' + '.md', 'SPEC' + ' §', 'STYLE' + '.md', 'STACK' + '-NOTES'];

function sourceFiles(path: string): string[] {
  if (!statSync(path, { throwIfNoEntry: false })) return [];
  if (!statSync(path).isDirectory()) return SOURCE.test(path) ? [path] : [];
  return readdirSync(path)
    .filter((name) => !SKIP_DIRS.has(name))
    .flatMap((name) => sourceFiles(join(path, name)));
}

/** The `line: text` of every comment line that cites a private working note. */
function citationsOfNotes(file: string, text: string): string[] {
  return text
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => {
      const comment = line.match(/(?:\/\/|\/\*|^\s*\*)(.*)$/);
      return comment !== null && NOTES.some((note) => comment[1]!.includes(note));
    })
    .map(({ line, n }) => `${file}:${n}: ${line.trim()}`);
}

describe('source comments', () => {
  it('detects a citation of a working note (the check can fail)', () => {
    const sample = ['const a = 1; // see ' + NOTES[0], ' * as ' + NOTES[3] + ' says', "const s = 'STYLE';"].join('\n');
    expect(citationsOfNotes('x.ts', sample)).toHaveLength(2);
  });

  it('cite no file that is not in the repository', () => {
    const files = ROOTS.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) => citationsOfNotes(file, readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });
});
