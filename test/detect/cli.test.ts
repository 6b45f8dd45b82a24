import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../lib/cli/io';
import { main } from '../../lib/cli/main';

function fakeIO(stdin: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), readStdin: async () => stdin };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

describe('privacy-desk detect', () => {
  it('classifies one message from stdin and prints every key', async () => {
    const f = fakeIO('Please delete all my personal data');
    expect(await main(['detect'], f.io)).toBe(0);
    const result = JSON.parse(f.out());
    expect(Object.keys(result)).toEqual(['isRequest', 'type', 'language', 'confidence', 'evidence']);
    expect(result).toMatchObject({ isRequest: true, type: 'erasure', language: 'en' });
    expect(result.evidence[0]).toEqual({ phrase: 'delete all my personal data', start: 7, end: 34, signal: 'erasure' });
    expect(f.err()).toBe('');
  });

  it('prints null type and language for a short non-request', async () => {
    const f = fakeIO('GDPR?');
    expect(await main(['detect'], f.io)).toBe(0);
    expect(JSON.parse(f.out())).toMatchObject({ isRequest: false, type: null, language: null });
  });

  it('takes --language instead of detecting', async () => {
    const f = fakeIO('Bitte löschen Sie meine Daten');
    expect(await main(['detect', '--language', 'de'], f.io)).toBe(0);
    expect(JSON.parse(f.out()).language).toBe('de');
  });

  it('rejects an unknown language, an unknown option and an empty stdin with exit 2', async () => {
    for (const [args, stdin, message] of [
      [['detect', '--language', 'pt'], 'x', /--language must be one of en, nl, de, it, fr, es/],
      [['detect', '--bogus'], 'x', /Unknown option '--bogus'/],
      [['detect'], '  \n', /no message on stdin/],
    ] as const) {
      const f = fakeIO(stdin);
      expect(await main([...args], f.io)).toBe(2);
      expect(f.err()).toMatch(message);
      expect(f.out()).toBe('');
    }
  });

  it('--jsonl prints one result per input line, with its id', async () => {
    const f = fakeIO(
      ['{"id":"t1","text":"Ik maak bezwaar tegen het gebruik van mijn gegevens voor marketing."}', '', '{"id":2,"text":"Where is the data hosted?"}'].join('\n'),
    );
    expect(await main(['detect', '--jsonl'], f.io)).toBe(0);
    const lines = f.out().trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ id: 't1', isRequest: true, type: 'objection', language: 'nl' });
    expect(lines[1]).toMatchObject({ id: 2, isRequest: false, type: null });
  });

  it('--jsonl reports a bad line as an error line and on stderr, carries on, and exits 1', async () => {
    const f = fakeIO(['{"id":"a","text":"Please delete my data"}', 'not json', '{"id":"c"}', '{"id":"d","text":"Unsubscribe me please"}'].join('\r\n'));
    expect(await main(['detect', '--jsonl'], f.io)).toBe(1);
    const lines = f.out().trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', null, 'c', 'd']);
    expect(lines[1]).toMatchObject({ line: 2, error: expect.stringMatching(/not JSON/) });
    expect(lines[2]).toMatchObject({ line: 3, error: expect.stringMatching(/^text: /) });
    expect(lines[3]).toMatchObject({ isRequest: true, type: 'objection' });
    expect(f.err()).toMatch(/line 2: not JSON/);
    expect(f.err()).toMatch(/line 3: text/);
    expect(f.err()).toMatch(/2 bad lines/);
  });

  it('is listed in the command overview', async () => {
    const f = fakeIO('');
    await main(['--help'], f.io);
    expect(f.out()).toMatch(/^\s+detect\s+is a message a data-subject request/m);
  });
});
