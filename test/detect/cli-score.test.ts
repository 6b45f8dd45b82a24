// `privacy-desk detect-score`: the classifier scored on the user's own labelled messages.
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../lib/cli/io';
import { main } from '../../lib/cli/main';

function fakeIO(stdin: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), readStdin: async () => stdin };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

const CORPUS = [
  { id: 'a', text: 'Please delete all my personal data', isRequest: true, type: 'erasure' },
  { id: 'b', text: 'Op grond van artikel 15 AVG wil ik graag inzage in alle persoonsgegevens die u van mij verwerkt.', isRequest: true, type: 'access' },
  { id: 'c', text: 'My order arrived broken, can you send a new one?', isRequest: false },
  // Labelled wrongly on purpose: an erasure request marked as portability must show up as a mistake.
  { id: 'd', text: 'Bitte löschen Sie alle meine Daten', isRequest: true, type: 'portability' },
]
  .map((m) => JSON.stringify(m))
  .join('\n');

describe('privacy-desk detect-score', () => {
  it('prints precision, recall, type accuracy and the mistakes', async () => {
    const f = fakeIO(CORPUS);
    expect(await main(['detect-score', '--language', 'en'], f.io)).toBe(0);
    const result = JSON.parse(f.out());
    expect(result).toMatchObject({ n: 4, isRequest: { tp: 3, fp: 0, fn: 0, tn: 1, precision: 1, recall: 1 }, typeAccuracy: 0.667, languageAccuracy: 0.5 });
    expect(result.mistakes).toEqual([{ id: 'd', expected: 'request:portability', got: 'request:erasure' }]);
    expect(result.perType.portability).toMatchObject({ fn: 1, recall: 0 });
  });

  it('names the bad line, and refuses an empty stdin or an unknown language (exit 2)', async () => {
    for (const [args, stdin, message] of [
      [['detect-score'], '{"id":"x","text":"hi","isRequest":true}', /stdin:1: a request needs a type/],
      [['detect-score'], `${JSON.stringify({ id: 'a', text: 'x', isRequest: false })}\n{oops`, /stdin:2: not JSON/],
      [['detect-score'], ' \n', /no labelled messages on stdin/],
      [['detect-score', '--language', 'pt'], 'x', /--language must be one of/],
    ] as const) {
      const f = fakeIO(stdin);
      expect(await main([...args], f.io)).toBe(2);
      expect(f.err()).toMatch(message);
    }
  });
});
