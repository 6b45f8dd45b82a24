// A personal-data breach (Art. 4(12) GDPR) as the register of Art. 33(5) keeps it: the facts, the
// effects, the measures, the decision whether to notify the supervisory authority (Art. 33) and the
// people affected (Art. 34), with every step of its lifecycle recorded like a request's.
import { z } from 'zod';
import { Actor, Id, Instant, LongText, RecordMeta, ShortText, UiLanguage } from './common';
import { SourceTicket } from './request';

/** Art. 4(12): a breach of confidentiality, integrity and/or availability. */
export const BREACH_NATURES = ['confidentiality', 'integrity', 'availability'] as const;
export const BreachNature = z.enum(BREACH_NATURES);
export type BreachNature = z.infer<typeof BreachNature>;

/** The example groups of the EDPB Guidelines 01/2021 on examples regarding breach notification. */
export const BREACH_KINDS = ['ransomware', 'exfiltration', 'internal-human-error', 'lost-or-stolen', 'misdirected-mail', 'social-engineering', 'other'] as const;
export const BreachKind = z.enum(BREACH_KINDS);
export type BreachKind = z.infer<typeof BreachKind>;

/** Who told the organisation: an agent from a ticket, a processor (Art. 33(2)), a member of staff. */
export const BREACH_REPORTERS = ['agent', 'processor', 'staff', 'other'] as const;
export const BreachReporter = z.enum(BREACH_REPORTERS);
export type BreachReporter = z.infer<typeof BreachReporter>;

/** Art. 33(1) and 34(1): unlikely to result in a risk / a risk / a high risk to people's rights and freedoms. */
export const RISK_LEVELS = ['no-risk', 'risk', 'high-risk'] as const;
export const RiskLevel = z.enum(RISK_LEVELS);
export type RiskLevel = z.infer<typeof RiskLevel>;

/** Art. 34(3)(a)–(c): why the people affected need not be told. */
export const ART34_EXEMPTIONS = ['a', 'b', 'c'] as const;
export const Art34Exemption = z.enum(ART34_EXEMPTIONS);
export type Art34Exemption = z.infer<typeof Art34Exemption>;

/**
 * reported → assessing → notified | not-notified → closed; a report that turns out not to be a personal-data
 * breach is dismissed (with a reason, kept under Art. 33(5) all the same).
 */
export const BREACH_STATUSES = ['reported', 'assessing', 'notified', 'not-notified', 'closed', 'dismissed'] as const;
export const BreachStatus = z.enum(BREACH_STATUSES);
export type BreachStatus = z.infer<typeof BreachStatus>;

/** Statuses in which the 72-hour clock runs: no decision on notifying the authority yet. */
export const CLOCK_STATUSES: readonly BreachStatus[] = ['reported', 'assessing'];

export const BREACH_TRANSITIONS: Readonly<Record<BreachStatus, readonly BreachStatus[]>> = {
  reported: ['assessing', 'notified', 'not-notified', 'dismissed'],
  assessing: ['notified', 'not-notified', 'dismissed'],
  notified: ['closed'],
  'not-notified': ['notified', 'closed'],
  closed: [],
  dismissed: [],
};
/** Moves that need a stated reason. */
export const BREACH_NEEDS_REASON: readonly BreachStatus[] = ['not-notified', 'dismissed'];

export function canTransitionBreach(from: BreachStatus, to: BreachStatus): boolean {
  return BREACH_TRANSITIONS[from].includes(to);
}

export const BreachTransition = z.object({
  from: BreachStatus.optional(),
  to: BreachStatus,
  at: Instant,
  actor: Actor,
  reason: z.string().trim().max(2000).optional(),
});
export type BreachTransition = z.infer<typeof BreachTransition>;

const Count = z.number().int().min(0).max(10_000_000_000);
const Text = z.string().trim().max(10_000).default('');
const List = z.array(ShortText).max(200).default([]);

/** One submission to the authority: the initial notification or a follow-up (Art. 33(4): in phases). */
export const NotificationPhase = z.object({
  phase: z.enum(['initial', 'follow-up']),
  at: Instant,
  /** How it was sent: the authority's web form, e-mail, post… */
  channel: z.string().trim().max(200).default(''),
  /** The reference the authority gave, e.g. on its receipt. */
  reference: z.string().trim().max(200).optional(),
  summary: z.string().trim().max(5000).default(''),
});
export type NotificationPhase = z.infer<typeof NotificationPhase>;

export const BreachFields = z.object({
  title: ShortText,
  /** When it happened; `unknown` when it cannot be said yet (the notification marks it for a follow-up). */
  occurred: z.object({ from: Instant.optional(), until: Instant.optional(), unknown: z.boolean().default(false) }).default({ unknown: true }),
  /** The moment the organisation became aware (Art. 33(1)): the 72 hours run from here. */
  awareAt: Instant,
  /** Stored with the record so every list and the badge sort and count on an index: awareAt + 72 h. */
  dueAt: Instant,
  /** 1 while the clock runs (no decision yet), 0 once decided: one compound index answers "running, by due". */
  open: z.union([z.literal(0), z.literal(1)]),
  awareness: z
    .object({
      /** How the organisation found out. */
      how: Text,
      reporter: BreachReporter,
      reporterName: z.string().trim().max(500).optional(),
      /** The processor that reported it under its DPA's breach clause (Art. 33(2)). */
      processorId: Id.optional(),
    })
    .default({ how: '', reporter: 'staff' }),
  /** When the processor told us, and within how many hours of its own awareness the DPA obliges it to. */
  processor: z
    .object({
      subprocessorId: Id.optional(),
      awareAt: Instant.optional(),
      toldUsAt: Instant.optional(),
      /** The DPA's breach clause (templates/dpa: breach notification hours). */
      deadlineHours: z.number().int().min(1).max(720).optional(),
    })
    .optional(),
  natures: z.array(BreachNature).max(3).default([]),
  kind: BreachKind.default('other'),
  description: Text,
  affected: z
    .object({
      subjectCategories: List,
      subjectsApprox: Count.optional(),
      recordCategories: List,
      recordsApprox: Count.optional(),
      /** Art. 9 categories involved. */
      specialCategories: List,
      activityIds: z.array(Id).max(200).default([]),
      subprocessorIds: z.array(Id).max(200).default([]),
    })
    .default({ subjectCategories: [], recordCategories: [], specialCategories: [], activityIds: [], subprocessorIds: [] }),
  consequences: Text,
  risk: z
    .object({
      level: RiskLevel.optional(),
      reasoning: Text,
      /** Measures in place before, e.g. encryption that made the data unintelligible (Art. 34(3)(a)). */
      priorMeasures: Text,
    })
    .default({ reasoning: '', priorMeasures: '' }),
  /** Art. 33(3)(d): measures taken or proposed, including mitigation. */
  measures: Text,
  decision: z
    .object({
      notifyAuthority: z.boolean(),
      reasons: z.string().trim().min(1, 'give the reasons for the decision (Art. 33(5))').max(5000),
      by: Actor,
      at: Instant,
    })
    .optional(),
  authority: z
    .object({
      name: z.string().trim().max(300).default(''),
      reference: z.string().trim().max(200).optional(),
      phases: z.array(NotificationPhase).max(50).default([]),
    })
    .default({ name: '', phases: [] }),
  /** Art. 33(1): why the notification came after 72 hours. */
  delayReasons: z.string().trim().max(5000).optional(),
  communication: z
    .discriminatedUnion('status', [
      z.object({ status: z.literal('pending') }),
      z.object({ status: z.literal('done'), at: Instant, how: ShortText }),
      z.object({ status: z.literal('not-needed'), ground: Art34Exemption, explanation: z.string().trim().max(5000).default('') }),
    ])
    .default({ status: 'pending' }),
  /** The language letters to the people affected are written in, by default the organisation's. */
  subjectLanguage: UiLanguage.optional(),
  status: BreachStatus,
  transitions: z.array(BreachTransition).min(1, 'a breach has at least its report transition'),
  /** Evidence: the ticket it was reported from. */
  source: SourceTicket.optional(),
  /** `helpdesk:ticketId` of `source`, indexed so a second report from the same ticket finds the first. */
  ticketKey: z.string().max(300).optional(),
  notes: LongText.default(''),
});

/** A personal-data breach, stored through the audited Store like every record. */
export const Breach = RecordMeta.extend(BreachFields.shape);
export type Breach = z.infer<typeof Breach>;
export type BreachInput = z.input<typeof Breach>;
