// t() accepts only keys the table in scripts/locales.mjs has: `npm run typecheck` fails on a missing or
// misspelt key, and on a key built from a union with a member the table lacks. The @ts-expect-error
// lines below are the check: if one of them compiled, tsc would report the unused directive.
import { describe, expect, it, vi } from 'vitest';
import { REQUEST_STATUSES, REQUEST_TYPES, type RequestStatus } from '../../lib/model/request';
import { SOFT_DELETE_TABLES } from '../../lib/model/deleted';

vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage: (key: string) => `«${key}»`, getUILanguage: () => 'en' } } }));
const { t } = await import('../../entrypoints/shared/i18n');

describe('message keys', () => {
  it('compile only when the table has them', () => {
    expect(t('navQueue')).toBe('«navQueue»');
    // @ts-expect-error a misspelt key
    expect(t('navQueu')).toBe('«navQueu»');
    const status = REQUEST_STATUSES[0] as RequestStatus;
    expect(t(`status_${status}`)).toBe('«status_received»');
    // Request types carry '-': Chrome names the message with '_'.
    expect(REQUEST_TYPES.map((type) => t(`type_${type}`))).toContain('«type_withdraw_consent»');
    expect(SOFT_DELETE_TABLES.map((table) => t(`deleted_table_${table}`))).toHaveLength(6);
    const lost = 'lost' as RequestStatus | 'lost';
    // @ts-expect-error one member of the union has no message
    expect(t(`status_${lost}`)).toBe('«status_lost»');
    const anything: string = 'navQueue';
    // @ts-expect-error a plain string could be any key
    expect(t(anything)).toBe('«navQueue»');
  });
});
