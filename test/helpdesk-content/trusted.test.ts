// The overlay's root is closed unless this is the test flavour and its harness asked (through the
// extension's storage) for an open one; only trusted events reach the overlay's actions.
import { describe, expect, it } from 'vitest';
import { overlayShadowMode, trusted } from '../../entrypoints/helpdesk.content/trusted';

describe('overlay shadow root and trusted events', () => {
  it('is closed in every release build, whatever is stored', () => {
    expect(overlayShadowMode(false, false)).toBe('closed');
    expect(overlayShadowMode(false, true)).toBe('closed');
    expect(overlayShadowMode(true, false)).toBe('closed');
    expect(overlayShadowMode(true, true)).toBe('open');
  });

  it('ignores events a script dispatched', () => {
    const seen: string[] = [];
    const handler = trusted((e: Event) => seen.push(e.type));
    handler({ isTrusted: false, type: 'click' } as Event);
    handler({ isTrusted: true, type: 'keydown' } as Event);
    expect(seen).toEqual(['keydown']);
  });
});
