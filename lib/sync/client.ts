// The team server's HTTP API (docs/team-protocol.md), every answer validated before it is used.
import { z } from 'zod';
import { TeamRole } from './change';

export class TeamServerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** What the error names besides its message (e.g. `seq` for 409 seq-shredded). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const Joined = z.object({ teamId: z.string(), memberId: z.string(), deviceId: z.string(), deviceToken: z.string(), role: TeamRole });
const Device = z.object({ deviceId: z.string(), signPublicKey: z.string(), boxPublicKey: z.string(), createdAt: z.string().optional() });
const Member = z.object({ memberId: z.string(), role: TeamRole, revokedAt: z.string().nullish(), devices: z.array(Device) });
export const TeamInfo = z.object({ teamId: z.string(), role: TeamRole, memberId: z.string(), deviceId: z.string(), members: z.array(Member) });
export type TeamInfo = z.infer<typeof TeamInfo>;
export const PulledChange = z.object({
  order: z.coerce.number().int(),
  deviceId: z.string(),
  memberId: z.string(),
  seq: z.coerce.number().int(),
  at: z.string(),
  subject: z.string().nullish(),
  body: z.string(),
});
export type PulledChange = z.infer<typeof PulledChange>;
const Pulled = z.object({ changes: z.array(PulledChange), next: z.coerce.number().int().nullish(), more: z.boolean() });
const Accepted = z.object({ accepted: z.array(z.object({ seq: z.coerce.number().int(), order: z.coerce.number().int() })) });
const Envelopes = z.object({ envelopes: z.array(z.object({ epoch: z.coerce.number().int(), fromDeviceId: z.string().nullish(), sealed: z.string() })) });
const Invited = z.object({ token: z.string(), memberId: z.string(), expiresAt: z.string() });

export type Fetch = (url: string, init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal }) => Promise<{
  status: number;
  json(): Promise<unknown>;
}>;

export class TeamClient {
  constructor(
    readonly url: string,
    private readonly token: string | undefined,
    private readonly fetchFn: Fetch = (u, i) => fetch(u, i),
  ) {}

  private async call<T extends z.ZodType>(method: string, path: string, schema: T, body?: unknown): Promise<z.infer<T>> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Awaited<ReturnType<Fetch>>;
    try {
      response = await this.fetchFn(new URL(path, this.url).toString(), {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(20_000),
      });
    } catch (error) {
      throw new TeamServerError(0, 'unreachable', `The team server at ${this.url} cannot be reached (${(error as Error).message || 'network error'})`);
    }
    const json = await response.json().catch(() => undefined);
    if (response.status >= 400) {
      const e = (json as { error?: { code?: string; message?: string } & Record<string, unknown> } | undefined)?.error;
      const { code, message, ...extra } = e ?? {};
      throw new TeamServerError(response.status, code ?? `http-${response.status}`, message ?? `The team server answered ${response.status}`, extra);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new TeamServerError(response.status, 'bad-answer', `The team server's answer to ${method} ${path} is not what the protocol says`);
    return parsed.data;
  }

  join(token: string, signPublicKey: string, boxPublicKey: string) {
    return this.call('POST', '/v1/join', Joined, { token, signPublicKey, boxPublicKey });
  }
  team() {
    return this.call('GET', '/v1/team', TeamInfo);
  }
  invite(role: TeamRole) {
    return this.call('POST', '/v1/invites', Invited, { role });
  }
  revoke(memberId: string) {
    return this.call('POST', `/v1/members/${encodeURIComponent(memberId)}/revoke`, z.object({ memberId: z.string(), revokedAt: z.string() }));
  }
  push(changes: { seq: number; subject?: string; body: string }[]) {
    return this.call('POST', '/v1/changes', Accepted, { changes });
  }
  pull(after: number, limit = 500) {
    return this.call('GET', `/v1/changes?after=${after}&limit=${limit}`, Pulled);
  }
  postKeys(epoch: number, envelopes: { deviceId: string; sealed: string }[]) {
    return this.call('POST', '/v1/keys', z.object({ stored: z.coerce.number() }), { epoch, envelopes });
  }
  keys() {
    return this.call('GET', '/v1/keys', Envelopes);
  }
  certificates() {
    return this.call('GET', '/v1/certificates', z.object({ certificates: z.array(z.object({ deviceId: z.string(), certificate: z.string() })) }));
  }
  postCertificates(certificates: { deviceId: string; certificate: string }[]) {
    return this.call('POST', '/v1/certificates', z.object({ stored: z.coerce.number() }), { certificates });
  }
  shred(subject: string) {
    return this.call('POST', '/v1/shred', z.object({ deleted: z.coerce.number() }), { subject });
  }
}
