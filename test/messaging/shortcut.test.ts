// The flag-ticket shortcut's message is obeyed only when our own background sends it.
import { describe, expect, it } from 'vitest';
import { FLAG_MESSAGE, isFlagMessage } from '../../lib/messaging/shortcut';

const ID = 'abcdefghijklmnopabcdefghijklmnop';

describe('isFlagMessage', () => {
  it('accepts the flag message from our background (our id, no tab)', () => {
    expect(isFlagMessage(FLAG_MESSAGE, { id: ID }, ID)).toBe(true);
  });
  it('refuses it from a tab (a content script, even ours), another extension, or in another shape', () => {
    expect(isFlagMessage(FLAG_MESSAGE, { id: ID, tab: { id: 3 } }, ID)).toBe(false);
    expect(isFlagMessage(FLAG_MESSAGE, { id: 'another-extension' }, ID)).toBe(false);
    expect(isFlagMessage(FLAG_MESSAGE, {}, ID)).toBe(false);
    expect(isFlagMessage({ type: 'pd-flag-now' }, { id: ID }, ID)).toBe(false);
    expect(isFlagMessage('pd-flag', { id: ID }, ID)).toBe(false);
    expect(isFlagMessage(null, { id: ID }, ID)).toBe(false);
  });
});
