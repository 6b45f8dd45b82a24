// Breach register messages (Art. 33/34). The overlay may only report a possible breach from the ticket it
// shows (`overlay.reportBreach`, on the overlay.* allow-list); everything else comes from extension pages.
// Edits travel as `unknown` and are validated by lib/db/breaches.ts, so a bad field comes back as a
// `validation` error naming it.
import { z } from 'zod';
import { Id, Instant, UiLanguage } from '../../model/common';
import { GeneratedDocument } from '../../model/document';
import { TicketContext } from '../../model/helpdesk';
import { Breach, BreachStatus } from '../../model/breach';
import { ANYONE, PAGES, def } from '../define';
import { DocumentPdf } from './documents';

/** The deadline as the user's zone writes it (awareness + 72 h), and the processor's own when known. */
export const BreachClock = z.object({ due: z.string(), timeZone: z.string(), processorDue: z.string().optional(), rule: z.string() });
export type BreachClock = z.infer<typeof BreachClock>;

export const BREACH_MESSAGES = {
  'overlay.reportBreach': def(
    ANYONE,
    // Strict: a field this message does not know is refused rather than silently dropped.
    z.strictObject({ ticket: TicketContext, awareAt: Instant.optional() }),
    z.object({ breachId: Id, dueAt: Instant, awareAt: Instant, created: z.boolean() }),
  ),

  'breaches.list': def(PAGES, z.object({}), z.object({ breaches: z.array(Breach) })),
  'breaches.get': def(
    PAGES,
    z.object({ id: Id, timeZone: z.string().max(100) }),
    z.object({
      breach: Breach,
      clock: BreachClock,
      /** What the affected-records pickers offer: the register and the subprocessor list, linked by id. */
      activities: z.array(z.object({ id: Id, name: z.string() })),
      subprocessors: z.array(z.object({ id: Id, name: z.string() })),
      authorityName: z.string(),
      /** The language documents default to: the people affected's if recorded, else the organisation's. */
      letterLanguage: UiLanguage,
    }),
  ),
  'breaches.create': def(PAGES, z.object({ title: z.string().trim().min(1).max(500), awareAt: Instant.optional() }), Breach),
  'breaches.edit': def(PAGES, z.object({ id: Id, edit: z.unknown() }), Breach),
  'breaches.decide': def(PAGES, z.object({ id: Id, notifyAuthority: z.boolean(), reasons: z.string().max(5000) }), Breach),
  'breaches.phase': def(
    PAGES,
    z.object({
      id: Id,
      phase: z.enum(['initial', 'follow-up']),
      at: Instant,
      channel: z.string().max(200).optional(),
      reference: z.string().trim().max(200).optional(),
      summary: z.string().max(5000).optional(),
    }),
    Breach,
  ),
  'breaches.transition': def(PAGES, z.object({ id: Id, to: BreachStatus, reason: z.string().max(2000).optional() }), Breach),
  'breaches.delete': def(PAGES, z.object({ id: Id }), z.object({ id: Id })),
  /** The notification to the authority (initial, or follow-up once one is recorded) or the letter to the people affected. */
  'breaches.document': def(PAGES, z.object({ id: Id, kind: z.enum(['breach-notification', 'breach-letter']), language: UiLanguage }), DocumentPdf),
  /** The register (Art. 33(5)) as CSV or JSON text, or as a recorded PDF report (base64). */
  'breaches.export': def(
    PAGES,
    z.object({ format: z.enum(['csv', 'json', 'pdf']), language: UiLanguage }),
    z.discriminatedUnion('format', [
      z.object({ format: z.enum(['csv', 'json']), fileName: z.string(), content: z.string() }),
      z.object({ format: z.literal('pdf'), fileName: z.string(), content: z.string(), document: GeneratedDocument }),
    ]),
  ),
} as const;
