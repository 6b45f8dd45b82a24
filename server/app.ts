// The team server's HTTP routes (docs/team-protocol.md). Stateless: every fact lives in PostgreSQL, so
// any number of instances can serve one database behind a load balancer (docs/team-server.md).
import Fastify, { LogController, type FastifyInstance, type FastifyRequest } from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { z } from 'zod';
import type { Database } from './database.ts';
import { HttpError } from './errors.ts';
import { CertificatesRequest, InviteRequest, JoinRequest, KeysRequest, LIMITS, MemberParams, PullQuery, PushRequest, ShredRequest, type Role } from './protocol.ts';
import { pullChanges, pushChanges, shredSubject } from './store/changes.ts';
import { envelopesFor, storeEnvelopes } from './store/keys.ts';
import { certificatesOf, storeCertificates } from './store/certificates.ts';
import type { Clock } from './store/sql.ts';
import { authenticate, createInvite, join, listMembers, revokeMember, type Caller } from './store/teams.ts';
import { tokenHash } from './tokens.ts';

export interface AppOptions {
  db: Database;
  clock?: Clock;
  /** Requests a minute per device (per client address before a device exists). */
  requestsPerMinute?: number;
  /** Fastify's trustProxy: behind a load balancer, whose X-Forwarded-For names the client (join calls are limited per address). */
  trustProxy?: boolean | string;
  /** Where the JSON log lines go; `false` for none. Defaults to stdout. */
  log?: { write(line: string): void } | false;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
}

/** A pull page stops early once its bodies pass this many bytes (with `more: true`), so 1000 changes of 256 KiB never make one 256 MB answer. */
export const PULL_PAGE_BYTES = 8 * 1024 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db } = options;
  const clock = options.clock ?? (() => new Date());
  const app = Fastify({
    bodyLimit: LIMITS.requestBody,
    trustProxy: options.trustProxy ?? false,
    // Fastify's own per-request lines carry the URL; ours (onResponse below) carry the route pattern.
    logController: new LogController({ disableRequestLogging: true }),
    logger: options.log === false ? false : { level: 'info', ...(options.log ? { stream: options.log } : {}) },
  });
  app.decorateRequest('caller', null);
  // A POST without a body (revoke) may still say application/json: read it as no body, not as an error.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, text, done) => {
    if (text === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text as string));
    } catch {
      done(new HttpError(400, 'bad-request', 'the body is not JSON'), undefined);
    }
  });

  // Extension background pages call with a bearer token and no cookies: any origin may ask.
  // Retry-After is not a CORS-safelisted response header: without exposing it a page cannot read a 429's wait.
  await app.register(cors, { origin: '*', methods: ['GET', 'POST'], allowedHeaders: ['Authorization', 'Content-Type'], exposedHeaders: ['Retry-After'], maxAge: 600 });
  await app.register(rateLimit, {
    max: options.requestsPerMinute ?? LIMITS.requestsPerMinute,
    timeWindow: 60_000,
    // The token's digest names the device without a database read; join calls count per address.
    keyGenerator: (request) => bearer(request, false) ?? `ip:${request.ip}`,
    errorResponseBuilder: (_request, context) => new HttpError(429, 'rate-limited', `more than ${context.max} requests a minute; retry after ${context.after}`),
  });

  // One JSON line per request: never a body, a token or a query string.
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { method: request.method, route: request.routeOptions.url ?? 'unknown', status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10, team: request.caller?.teamId, device: request.caller?.deviceId },
      'request',
    );
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HttpError) return reply.status(error.status).send({ error: { code: error.code, message: error.message, ...error.extra } });
    if (error instanceof z.ZodError) {
      const message = error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
      return reply.status(400).send({ error: { code: 'bad-request', message } });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 413) return reply.status(413).send({ error: { code: 'too-large', message: `request body over ${LIMITS.requestBody} bytes` } });
    if (status && status >= 400 && status < 500) return reply.status(status).send({ error: { code: 'bad-request', message: (error as Error).message } });
    request.log.error({ err: { message: (error as Error).message, code: (error as { code?: string }).code } }, 'request failed');
    return reply.status(500).send({ error: { code: 'internal', message: 'internal error' } });
  });
  app.setNotFoundHandler((request, reply) => reply.status(404).send({ error: { code: 'not-found', message: `no route ${request.method} ${request.url.split('?')[0]}` } }));

  const device = async (request: FastifyRequest, role?: Role): Promise<Caller> => {
    const token = bearer(request, true)!;
    request.caller = await authenticate(db.pool, token);
    if (role && request.caller.role !== role) throw new HttpError(403, 'forbidden', `only a ${role} may do this`);
    return request.caller;
  };

  app.get('/health', { config: { rateLimit: false } }, async (_request, reply) => {
    try {
      await db.pool.query('SELECT 1');
      return { ok: true, database: db.kind };
    } catch {
      // A load balancer takes the instance out of rotation until its database answers again.
      return reply.status(503).send({ ok: false, database: db.kind });
    }
  });

  app.post('/v1/join', async (request) => {
    const body = JoinRequest.parse(request.body);
    return join(db.pool, body.token, Buffer.from(body.signPublicKey, 'base64url'), Buffer.from(body.boxPublicKey, 'base64url'), clock);
  });

  app.get('/v1/team', async (request) => {
    const caller = await device(request);
    return { teamId: caller.teamId, role: caller.role, memberId: caller.memberId, deviceId: caller.deviceId, members: await listMembers(db.pool, caller.teamId) };
  });

  app.post('/v1/invites', async (request) => {
    const caller = await device(request, 'dpo');
    const { role } = InviteRequest.parse(request.body);
    const invite = await createInvite(db.pool, caller.teamId, role, clock);
    return { token: invite.token, memberId: invite.memberId, expiresAt: invite.expiresAt };
  });

  app.post('/v1/members/:memberId/revoke', async (request) => {
    const caller = await device(request, 'dpo');
    const { memberId } = MemberParams.parse(request.params);
    if (memberId === caller.memberId) throw new HttpError(409, 'revoke-self', 'a DPO cannot revoke their own membership; ask another DPO');
    return revokeMember(db.pool, caller.teamId, memberId, clock);
  });

  app.post('/v1/changes', async (request) => {
    const caller = await device(request);
    const { changes } = PushRequest.parse(request.body);
    return { accepted: await pushChanges(db.pool, caller, changes, clock) };
  });

  app.get('/v1/changes', async (request) => {
    const caller = await device(request);
    const { after, limit } = PullQuery.parse(request.query);
    return pullChanges(db.readPool, caller.teamId, after, limit, PULL_PAGE_BYTES);
  });

  app.post('/v1/keys', async (request) => {
    const caller = await device(request, 'dpo');
    const { epoch, envelopes } = KeysRequest.parse(request.body);
    return { stored: await storeEnvelopes(db.pool, caller, epoch, envelopes, clock) };
  });

  app.get('/v1/keys', async (request) => {
    const caller = await device(request);
    return { envelopes: await envelopesFor(db.pool, caller.deviceId) };
  });

  // Member certificates: signed by a DPO's browser, opaque here (docs/team-protocol.md).
  app.post('/v1/certificates', async (request) => {
    const caller = await device(request, 'dpo');
    const { certificates } = CertificatesRequest.parse(request.body);
    return { stored: await storeCertificates(db.pool, caller, certificates, clock) };
  });

  app.get('/v1/certificates', async (request) => {
    const caller = await device(request);
    return { certificates: await certificatesOf(db.pool, caller.teamId) };
  });

  app.post('/v1/shred', async (request) => {
    const caller = await device(request, 'dpo');
    const { subject } = ShredRequest.parse(request.body);
    return { deleted: await shredSubject(db.pool, caller.teamId, subject) };
  });

  return app;
}

/** The bearer token of the request; its digest when `raw` is false (for rate-limit keys). */
function bearer(request: FastifyRequest, raw: true): string;
function bearer(request: FastifyRequest, raw: false): string | undefined;
function bearer(request: FastifyRequest, raw: boolean): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(request.headers.authorization ?? '');
  if (!match) {
    if (raw) throw new HttpError(401, 'unauthorized', 'an Authorization: Bearer <device token> header is required');
    return undefined;
  }
  return raw ? match[1]! : `device:${tokenHash(match[1]!).toString('hex')}`;
}
