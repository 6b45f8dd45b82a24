// Member certificates (lib/sync/README.md, "Keys and members"): a DPO's device signs, per member device,
// the team, member, device, role and public keys. The team's root is the first DPO device's signing key,
// which every member gets out of band in its invite code; a DPO certified under the root may certify
// others. A receiving replica takes a device's role and signing key only from a certificate whose chain
// of signatures reaches the root, never from the server's roster: a server that lies about a role, or
// adds a device of its own, gains nothing.
import { z } from 'zod';
import { Instant } from '../model/common';
import { canonicalJson } from '../audit/canonical-json';
import { TeamRole } from './change';
import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from './codec';
import { sign, verifySignature } from './keys';

const B64 = z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be base64url');

export const Certificate = z.object({
  v: z.literal(1),
  team: z.string().uuid(),
  member: z.string().uuid(),
  device: z.string().uuid(),
  role: TeamRole,
  /** The device's Ed25519 (signing) and X25519 (receiving keys) public keys. */
  sign: B64,
  box: B64,
  issuedAt: Instant,
  /** The signing key of the DPO device that issued it: the root, or a device certified as DPO. */
  issuer: B64,
});
export type Certificate = z.infer<typeof Certificate>;

const Signed = z.object({ cert: Certificate, sig: B64 });

/** The certificate as the server stores it: base64url of `{ cert, sig }`. */
export function issueCertificate(cert: Certificate, signSecret: Uint8Array): string {
  const body = Certificate.parse(cert);
  const sig = toBase64Url(sign(utf8(canonicalJson(body)), signSecret));
  return toBase64Url(utf8(JSON.stringify({ cert: body, sig })));
}

function read(text: string): z.infer<typeof Signed> | undefined {
  try {
    const parsed = Signed.safeParse(JSON.parse(fromUtf8(fromBase64Url(text))));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The devices of `team` whose certificate chains to `root`: each certificate's signature is checked with
 * its issuer's key, and an issuer counts only once its own DPO certificate is trusted (or it is the root).
 * Where one device has several trusted certificates, the newest stands.
 */
export function trustedDevices(certificates: readonly string[], root: string, team: string): Map<string, Certificate> {
  const signed = certificates.map(read).filter((c): c is z.infer<typeof Signed> => !!c && c.cert.team === team);
  const issuers = new Set([root]);
  const trusted = new Map<string, Certificate>();
  const checked = new Set<z.infer<typeof Signed>>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of signed) {
      if (checked.has(c) || !issuers.has(c.cert.issuer)) continue;
      checked.add(c);
      if (!verifySignature(fromBase64Url(c.sig), utf8(canonicalJson(c.cert)), fromBase64Url(c.cert.issuer))) continue;
      const held = trusted.get(c.cert.device);
      if (!held || held.issuedAt < c.cert.issuedAt) trusted.set(c.cert.device, c.cert);
      if (c.cert.role === 'dpo' && !issuers.has(c.cert.sign)) {
        issuers.add(c.cert.sign);
        grew = true;
      }
    }
  }
  return trusted;
}

interface RosterMember {
  memberId: string;
  role: TeamRole;
  revokedAt?: string | null | undefined;
  devices: { deviceId: string; signPublicKey: string; boxPublicKey: string }[];
}

/**
 * What a DPO's device certifies on a sync: every active device of the roster without a trusted
 * certificate (one device per member: an invite is spent by one join). Its own device first, as the root
 * (self-signed) when its key is the root. A member this
 * browser invited is certified only with the role it invited them with (`invited`): a roster that says
 * otherwise is not believed, and the member is left out. A member invited with the admin command is
 * certified with the roster's role: the DPO sees them listed in Options → Team.
 */
export function toCertify(
  me: { team: string; member: string; device: string; signPublic: string; boxPublic: string; signSecret: Uint8Array },
  root: string,
  roster: readonly RosterMember[],
  trusted: Map<string, Certificate>,
  invited: Record<string, TeamRole>,
  nowIso: string,
): { deviceId: string; certificate: string }[] {
  const mine = trusted.get(me.device);
  const canIssue = me.signPublic === root || (mine?.role === 'dpo' && mine.sign === me.signPublic);
  if (!canIssue) return [];
  const out: { deviceId: string; certificate: string }[] = [];
  const issue = (member: string, role: TeamRole, device: string, signKey: string, boxKey: string) =>
    out.push({ deviceId: device, certificate: issueCertificate({ v: 1, team: me.team, member, device, role, sign: signKey, box: boxKey, issuedAt: nowIso, issuer: me.signPublic }, me.signSecret) });
  if (!mine && me.signPublic === root) issue(me.member, 'dpo', me.device, me.signPublic, me.boxPublic);
  for (const m of roster) {
    if (m.revokedAt) continue;
    const role = invited[m.memberId] ?? m.role;
    if (invited[m.memberId] && invited[m.memberId] !== m.role) continue;
    // An invite is spent by one join: a member has one device. A second one listed for a member is the
    // server's doing, and a member listed with several devices and no certificate yet is left to the DPO.
    if (m.devices.some((d) => trusted.get(d.deviceId)?.member === m.memberId) || m.devices.length !== 1) continue;
    const d = m.devices[0]!;
    if (d.deviceId === me.device) continue;
    issue(m.memberId, role, d.deviceId, d.signPublicKey, d.boxPublicKey);
  }
  return out;
}
