import { describe, expect, it } from 'vitest';
import { consentState } from '../../lib/register/consent-state';
import { ConsentRecord } from '../../lib/model/consent';

const sha = 'a'.repeat(64);
let n = 0;
const give = (at: string, purposeId = 'newsletter') =>
  ConsentRecord.parse({
    id: `c${(n += 1)}`,
    createdAt: at,
    updatedAt: at,
    subjectId: 's1',
    purposeId,
    action: 'give',
    textVersionId: 't1',
    textSha256: sha,
    language: 'en',
    channel: 'ticket',
    at,
    evidence: { quote: 'yes please' },
    recordedBy: 'agent',
  });
const withdraw = (at: string, of: ConsentRecord) =>
  ConsentRecord.parse({ ...of, id: `c${(n += 1)}`, createdAt: at, updatedAt: at, action: 'withdraw', withdraws: of.id, at, textVersionId: undefined, textSha256: undefined });

describe('consent state derived from history', () => {
  it('goes give → withdraw → give again, each step decided by its record', () => {
    const first = give('2026-01-10T10:00:00.000Z');
    const stop = withdraw('2026-02-01T10:00:00.000Z', first);
    const again = give('2026-03-01T10:00:00.000Z');
    const history = [again, stop, first]; // any order in, chronological out

    expect(consentState([], 'newsletter')).toEqual({ purposeId: 'newsletter', state: 'none' });
    expect(consentState([first], 'newsletter')).toMatchObject({ state: 'given', decidedBy: first });
    expect(consentState([first, stop], 'newsletter')).toMatchObject({ state: 'withdrawn', decidedBy: stop });
    expect(consentState(history, 'newsletter')).toMatchObject({ state: 'given', decidedBy: again });

    // Asked about a moment in the past, the history up to then decides.
    expect(consentState(history, 'newsletter', '2026-01-31T00:00:00.000Z')).toMatchObject({ state: 'given', decidedBy: first });
    expect(consentState(history, 'newsletter', '2026-02-15T00:00:00.000Z')).toMatchObject({ state: 'withdrawn', decidedBy: stop });
    expect(consentState(history, 'newsletter', '2026-01-01T00:00:00.000Z').state).toBe('none');
  });

  it('keeps purposes apart and ignores soft-deleted records', () => {
    const news = give('2026-01-10T10:00:00.000Z');
    const survey = give('2026-01-11T10:00:00.000Z', 'surveys');
    const gone = { ...withdraw('2026-02-01T10:00:00.000Z', news), deletedAt: '2026-02-02T00:00:00.000Z' };
    expect([news, survey, gone].map((r) => r.purposeId).filter((p, i, all) => all.indexOf(p) === i).map((p) => `${p}:${consentState([news, survey, gone], p).state}`)).toEqual(['newsletter:given', 'surveys:given']);
  });

  it('a withdrawal ends consent for the purpose even when it names an older give (Art. 7(3))', () => {
    const a = give('2026-01-10T10:00:00.000Z');
    const b = give('2026-01-20T10:00:00.000Z');
    expect(consentState([a, b, withdraw('2026-02-01T10:00:00.000Z', a)], 'newsletter').state).toBe('withdrawn');
  });
});
