// One error-to-words helper for every page: the background's message as sent, never "Error: …".
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

// lib/messaging/client imports webextension-polyfill, which refuses to load outside an extension.
vi.mock('webextension-polyfill', () => ({ default: {} }));
const { MessageFailure } = await import('../../lib/messaging/client');
const { errorText } = await import('../../entrypoints/shared/error-text');

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));

describe('errorText', () => {
  it('says what went wrong without the class name', () => {
    expect(errorText(new MessageFailure({ code: 'conflict', message: 'This request changed meanwhile; retry' }))).toBe('This request changed meanwhile; retry');
    expect(errorText(new TypeError('Failed to fetch'))).toBe('Failed to fetch');
    expect(errorText('no permission')).toBe('no permission');
    expect(errorText({ code: 42 })).toBe('Unexpected error');
  });

  it('is the only one: no page writes its own or prints String(error)', () => {
    const offenders = walk(join(ROOT, 'entrypoints'))
      .filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith('shared/error-text.ts'))
      .flatMap((f) => {
        const text = readFileSync(f, 'utf8');
        const hits = [...text.matchAll(/function errorText|String\((?:e|err|error)\)|instanceof MessageFailure \? \w+\.message/g)].map((m) => m[0]);
        return hits.map((h) => `${relative(ROOT, f)}: ${h}`);
      });
    expect(offenders).toEqual([]);
  });
});
