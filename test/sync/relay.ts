// An in-memory relay that keeps the rules of docs/team-protocol.md, for fast unit tests of the browser
// side (the real server and its PostgreSQL are tested in server/test and the team e2e test). It can
// also misbehave as a hostile server would: drop, reorder or alter changes.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Fetch } from '../../lib/sync/client';

interface Member { memberId: string; role: 'agent' | 'dpo' | 'legal'; revokedAt?: string; devices: { deviceId: string; signPublicKey: string; boxPublicKey: string; token: string }[] }
export interface Stored { order: number; deviceId: string; memberId: string; seq: number; at: string; subject?: string; body: string }

export class Relay {
  teamId = randomUUID();
  members: Member[] = [];
  invites = new Map<string, { memberId: string; role: Member['role']; used: boolean }>();
  changes: Stored[] = [];
  envelopes: { epoch: number; deviceId: string; fromDeviceId: string; sealed: string }[] = [];
  /** Member certificates, opaque here as at the server: the newest per device. */
  certificates = new Map<string, string>();
  order = 0;
  /** Each device's last stored seq: it never moves back, not even when a shred deletes the changes (as the server's `devices.last_seq`). */
  lastSeq = new Map<string, number>();
  down = false;
  /** Hostile behaviour for tests: a filter over what pulls return. */
  tamper: ((changes: Stored[]) => Stored[]) | undefined;

  /** The relay's clock: a fixed instant, so nothing a test sees depends on the day it runs. */
  constructor(private readonly now: () => Date = () => new Date('2026-03-02T09:00:00.000Z')) {}

  invite(role: Member['role']): string {
    const token = randomBytes(32).toString('base64url');
    this.invites.set(token, { memberId: randomUUID(), role, used: false });
    return token;
  }

  private auth(header: string | undefined) {
    const token = header?.replace(/^Bearer /, '');
    for (const m of this.members) for (const d of m.devices) if (d.token === token) return { member: m, device: d };
    return undefined;
  }

  readonly fetch: Fetch = async (url, init) => {
    if (this.down) throw new Error('connection refused');
    const u = new URL(url);
    const body = init.body ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    const reply = (status: number, json: unknown) => ({ status, json: async () => json });
    const error = (status: number, code: string, message = code, extra: Record<string, unknown> = {}) => reply(status, { error: { code, message, ...extra } });
    if (u.pathname === '/v1/join') {
      const invite = this.invites.get(body.token as string);
      if (!invite) return error(404, 'unknown-token');
      if (invite.used) return error(410, 'used');
      invite.used = true;
      let member = this.members.find((m) => m.memberId === invite.memberId);
      if (!member) this.members.push((member = { memberId: invite.memberId, role: invite.role, devices: [] }));
      const device = { deviceId: randomUUID(), signPublicKey: body.signPublicKey as string, boxPublicKey: body.boxPublicKey as string, token: randomBytes(32).toString('base64url') };
      member.devices.push(device);
      return reply(200, { teamId: this.teamId, memberId: member.memberId, deviceId: device.deviceId, deviceToken: device.token, role: member.role });
    }
    const who = this.auth(init.headers.authorization);
    if (!who) return error(401, 'unauthorised');
    if (who.member.revokedAt) return error(403, 'revoked');
    const dpo = who.member.role === 'dpo';
    if (u.pathname === '/v1/team')
      return reply(200, {
        teamId: this.teamId,
        role: who.member.role,
        memberId: who.member.memberId,
        deviceId: who.device.deviceId,
        members: this.members.map((m) => ({ memberId: m.memberId, role: m.role, revokedAt: m.revokedAt ?? null, devices: m.devices.map(({ token: _t, ...d }) => d) })),
      });
    if (u.pathname === '/v1/invites') {
      if (!dpo) return error(403, 'forbidden');
      const token = this.invite(body.role as Member['role']);
      return reply(200, { token, memberId: this.invites.get(token)!.memberId, expiresAt: '2099-01-01T00:00:00.000Z' });
    }
    const revoke = /^\/v1\/members\/([^/]+)\/revoke$/.exec(u.pathname);
    if (revoke) {
      if (!dpo) return error(403, 'forbidden');
      const m = this.members.find((x) => x.memberId === revoke[1]);
      if (!m) return error(404, 'unknown-member');
      m.revokedAt = this.now().toISOString();
      return reply(200, { memberId: m.memberId, revokedAt: m.revokedAt });
    }
    if (u.pathname === '/v1/changes' && init.method === 'POST') {
      const accepted: { seq: number; order: number }[] = [];
      for (const c of body.changes as { seq: number; subject?: string; body: string }[]) {
        const mine = this.changes.filter((x) => x.deviceId === who.device.deviceId);
        const existing = mine.find((x) => x.seq === c.seq);
        const expected = (this.lastSeq.get(who.device.deviceId) ?? 0) + 1;
        if (existing || c.seq < expected) {
          if (!existing) return error(409, 'seq-shredded', `seq ${c.seq} was stored and has since been shredded`, { seq: c.seq });
          if (existing.body !== c.body) return error(409, 'seq-conflict');
          accepted.push({ seq: c.seq, order: existing.order });
          continue;
        }
        if (c.seq !== expected) return error(409, 'seq-gap', `expected ${expected}`);
        const stored = { order: ++this.order, deviceId: who.device.deviceId, memberId: who.member.memberId, seq: c.seq, at: this.now().toISOString(), ...(c.subject ? { subject: c.subject } : {}), body: c.body };
        this.changes.push(stored);
        this.lastSeq.set(who.device.deviceId, c.seq);
        accepted.push({ seq: c.seq, order: stored.order });
      }
      return reply(200, { accepted });
    }
    if (u.pathname === '/v1/changes') {
      const after = Number(u.searchParams.get('after') ?? 0);
      const limit = Number(u.searchParams.get('limit') ?? 500);
      const visible = this.tamper ? this.tamper(this.changes) : this.changes;
      const page = visible.filter((c) => c.order > after).slice(0, limit);
      return reply(200, { changes: page, next: page.at(-1)?.order ?? after, more: visible.filter((c) => c.order > after).length > page.length });
    }
    if (u.pathname === '/v1/keys' && init.method === 'POST') {
      if (!dpo) return error(403, 'forbidden');
      for (const e of body.envelopes as { deviceId: string; sealed: string }[]) this.envelopes.push({ epoch: body.epoch as number, deviceId: e.deviceId, fromDeviceId: who.device.deviceId, sealed: e.sealed });
      return reply(200, { stored: (body.envelopes as unknown[]).length });
    }
    if (u.pathname === '/v1/keys')
      return reply(200, { envelopes: this.envelopes.filter((e) => e.deviceId === who.device.deviceId).map(({ epoch, fromDeviceId, sealed }) => ({ epoch, fromDeviceId, sealed })) });
    if (u.pathname === '/v1/certificates' && init.method === 'POST') {
      if (!dpo) return error(403, 'forbidden');
      for (const c of body.certificates as { deviceId: string; certificate: string }[]) {
        this.certificates.delete(c.deviceId);
        this.certificates.set(c.deviceId, c.certificate);
      }
      return reply(200, { stored: (body.certificates as unknown[]).length });
    }
    if (u.pathname === '/v1/certificates') return reply(200, { certificates: [...this.certificates].map(([deviceId, certificate]) => ({ deviceId, certificate })) });
    if (u.pathname === '/v1/shred') {
      if (!dpo) return error(403, 'forbidden');
      const before = this.changes.length;
      this.changes = this.changes.filter((c) => c.subject !== body.subject);
      return reply(200, { deleted: before - this.changes.length });
    }
    return error(404, 'not-found');
  };
}

export const sha = (s: string) => createHash('sha256').update(s).digest('hex');
