// The change notice's diff of two subprocessor lists, and its objection deadline.
import { describe, expect, it } from 'vitest';
import type { SubprocessorEntry } from '../../lib/documents/inputs/common';
import { diffSubprocessorLists, objectionDeadline, subprocessorNoticeKind } from '../../lib/documents/kinds/subprocessor-notice';
import { renderTemplate } from '../../lib/documents/runtime';
import { unescapeMarkdown } from './document-tools';

const entry = (over: Partial<SubprocessorEntry> & Pick<SubprocessorEntry, 'name'>): SubprocessorEntry => ({
  legalEntity: `${over.name} Ltd`,
  purpose: 'hosting',
  dataCategories: ['contact details'],
  locations: ['DE'],
  transferMechanism: 'none-needed',
  addedOn: '2025-01-01',
  ...over,
});

describe('diffSubprocessorLists', () => {
  it('finds added, removed, changed and unchanged entries', () => {
    const a = entry({ name: 'Alpha' });
    const b = entry({ name: 'Beta' });
    const c = entry({ name: 'Gamma' });
    const d = entry({ name: 'Delta' });
    const diff = diffSubprocessorLists([a, b, c], [a, { ...b, purpose: 'backups', locations: ['DE', 'US'], transferMechanism: 'scc' }, d]);
    expect(diff.added.map((e) => e.name)).toEqual(['Delta']);
    expect(diff.removed.map((e) => e.name)).toEqual(['Gamma']);
    expect(diff.unchanged.map((e) => e.name)).toEqual(['Alpha']);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]!.fields).toEqual(['purpose', 'locations', 'transferMechanism']);
    expect(diff.changed[0]!.before.purpose).toBe('hosting');
    expect(diff.changed[0]!.after.purpose).toBe('backups');
  });

  it('matches by name and legal entity regardless of case, spacing and Unicode form', () => {
    const before = entry({ name: 'Città Cloud', legalEntity: 'Città Cloud S.r.l.' });
    const after = entry({ name: 'citta\u0300  cloud', legalEntity: 'CITTÀ CLOUD S.R.L.' });
    const diff = diffSubprocessorLists([before], [after]);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed.map((c) => c.fields)).toEqual([['name', 'legalEntity']]);
  });

  it('treats the same name under another legal entity as a different subprocessor', () => {
    const diff = diffSubprocessorLists([entry({ name: 'Mail', legalEntity: 'Mail Inc.' })], [entry({ name: 'Mail', legalEntity: 'Mail GmbH' })]);
    expect(diff.added.map((e) => e.legalEntity)).toEqual(['Mail GmbH']);
    expect(diff.removed.map((e) => e.legalEntity)).toEqual(['Mail Inc.']);
  });

  it('matches by id when both versions carry one, so a rename is a change', () => {
    const diff = diffSubprocessorLists(
      [entry({ id: 'sp-1', name: 'Old Name', legalEntity: 'Old Name B.V.' })],
      [entry({ id: 'sp-1', name: 'New Name', legalEntity: 'New Name B.V.' })],
    );
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed[0]!.fields).toEqual(['name', 'legalEntity']);
  });

  it('does not match two entries of the same name whose ids differ', () => {
    const diff = diffSubprocessorLists([entry({ id: 'sp-1', name: 'Same' })], [entry({ id: 'sp-2', name: 'Same' })]);
    expect(diff.added).toHaveLength(1);
    expect(diff.removed).toHaveLength(1);
  });

  it('falls back to name when only one version has an id', () => {
    const diff = diffSubprocessorLists([entry({ name: 'Alpha' })], [entry({ id: 'sp-9', name: 'Alpha' })]);
    expect(diff.unchanged).toHaveLength(1);
  });

  it('ignores the order of data categories and locations', () => {
    const diff = diffSubprocessorLists(
      [entry({ name: 'A', dataCategories: ['x', 'y'], locations: ['DE', 'NL'] })],
      [entry({ name: 'A', dataCategories: ['y', 'x'], locations: ['NL', 'DE'] })],
    );
    expect(diff.unchanged).toHaveLength(1);
  });

  it('prefers an id match over a name match taken by another entry', () => {
    // Entry 2 was renamed "A"; entry 1, also called "A", is gone: the id decides, not the name.
    const diff = diffSubprocessorLists([entry({ id: '1', name: 'A' }), entry({ id: '2', name: 'B' })], [entry({ id: '2', name: 'A' })]);
    expect(diff.changed.map((c) => [c.before.id, c.after.id])).toEqual([['2', '2']]);
    expect(diff.removed.map((e) => e.id)).toEqual(['1']);
  });

  it('handles empty lists', () => {
    expect(diffSubprocessorLists([], [])).toEqual({ added: [], removed: [], changed: [], unchanged: [] });
    expect(diffSubprocessorLists([], [entry({ name: 'A' })]).added).toHaveLength(1);
    expect(diffSubprocessorLists([entry({ name: 'A' })], []).removed).toHaveLength(1);
  });
});

describe('objectionDeadline', () => {
  it('counts calendar days after the notice date', () => {
    expect(objectionDeadline('2026-01-26', 30)).toBe('2026-02-25');
    expect(objectionDeadline('2026-02-27', 2)).toBe('2026-03-01');
    expect(objectionDeadline('2028-02-28', 1)).toBe('2028-02-29');
    expect(objectionDeadline('2026-12-15', 30)).toBe('2027-01-14');
  });
});

describe('the notice from its sample', () => {
  const input = subprocessorNoticeKind.sample();
  const markdown = (lang: 'en' | 'nl' | 'de' | 'it') =>
    // Dates come with no-break spaces (format.ts): compare as the reader sees them.
    unescapeMarkdown(renderTemplate(subprocessorNoticeKind.templates[lang], subprocessorNoticeKind.view(input, lang))).replace(/\u00A0/g, ' ');

  it('lists additions, removals and field changes old → new, and the deadline', () => {
    const en = markdown('en');
    const section = (title: string) => en.slice(en.indexOf(title), en.indexOf('\n## ', en.indexOf(title) + 1));
    expect(section('## 2. New subprocessors')).toContain('Łódzka Drukarnia Sp. z o.o.');
    expect(section('## 2. New subprocessors')).toContain('Zoë Coördinatie B.V.');
    expect(section('## 3. Subprocessors we no longer engage')).toContain('Nordlys Analytics AS');
    const changed = section('## 4. Changed details');
    expect(changed).toContain('### Città Cloud (Città Cloud S.r.l.)');
    expect(changed).toContain('| Processing locations | Italy | Italy, Germany |');
    expect(changed).toContain('| Categories of data | contact details, ticket contents | contact details, ticket contents, attachments |');
    expect(changed).toContain('| Processing locations | United States | United States, Ireland |');
    expect(changed).not.toContain('Purpose');
    // 26 January 2026 + 30 days
    expect(en).toContain('within 30 days');
    expect(en).toContain('no later than 25 February 2026');
    expect(en).toContain('take effect on 1 March 2026');
  });

  it('states the deadline per locale', () => {
    expect(markdown('nl')).toContain('uiterlijk op 25 februari 2026');
    expect(markdown('de')).toContain('spätestens am 25. Februar 2026');
    expect(markdown('it')).toContain('entro e non oltre il 25 febbraio 2026');
    expect(markdown('it')).toContain('avranno effetto il 1º marzo 2026');
  });

  it('says so when nothing changed', () => {
    const same = { ...input, current: { ...input.current, subprocessors: input.previous.subprocessors } };
    const en = unescapeMarkdown(renderTemplate(subprocessorNoticeKind.templates.en, subprocessorNoticeKind.view(same, 'en')));
    expect(en).toContain('The two versions list the same subprocessors');
    expect(en).toContain('No subprocessor is added.');
    expect(en).toContain('No subprocessor is removed.');
  });
});
