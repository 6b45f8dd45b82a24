// A team server's address (docs/team-protocol.md). Shared by the team state and invites (lib/sync/state.ts)
// and by the organisation's policy, which may preset it (lib/settings/managed.ts).
import { z } from 'zod';

/** A team server: https, or plain http only on this machine's loopback (the extension's CSP allows no other). */
export const ServerUrl = z
  .string()
  .trim()
  .url('must be the team server\'s address')
  .refine((u) => /^https:\/\//.test(u) || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$)/.test(u), 'must use https (plain http only for a server on this machine)');

/** The form two addresses of one server share: scheme and host in lower case, default port dropped, no trailing slash. */
export function serverKey(url: string): string {
  const u = new URL(url.trim());
  return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`;
}

export const sameServer = (a: string, b: string): boolean => serverKey(a) === serverKey(b);
