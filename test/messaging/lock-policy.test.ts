// Which messages are answered while the passphrase lock is closed is declared on each message's
// definition (lib/messaging/define.ts); a message declared without a policy is locked.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PAGES, def } from '../../lib/messaging/define';
import { MESSAGES, openWhileLocked } from '../../lib/messaging/protocol';

describe('lock policy', () => {
  it('a message defined without a policy is locked by default', () => {
    const added = def(PAGES, z.object({}), z.object({}));
    expect(added.policy.whileLocked).toBeUndefined();
    expect(openWhileLocked('requests.query')).toBe(false);
    expect(openWhileLocked('not.a.message')).toBe(false);
    expect(openWhileLocked('__proto__')).toBe(false);
  });

  it('only messages that read no personal data are open while locked (adding one is a deliberate change)', () => {
    const open = Object.keys(MESSAGES).filter(openWhileLocked).sort();
    expect(open).toEqual(
      [
        'audit.status',
        'audit.verify',
        'managed.get',
        'organisation.get',
        'overlay.classify',
        'overlay.openSidePanel',
        'settings.get',
        'team.status',
        'trust.disable',
        'trust.getAutoLock',
        'trust.lock',
        'trust.progress',
        'trust.status',
        'trust.unlock',
      ].sort(),
    );
  });
});
