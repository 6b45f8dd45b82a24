// Register messages: the record of processing activities, the processing-event log and
// consent records. All come from the extension's own pages; the overlay records consent and events
// through overlay.recordConsent / overlay.logEvent in core.ts.
import { z } from 'zod';
import { Email, Id, Instant, UiLanguage } from '../../model/common';
import { ProcessingActivity } from '../../model/activity';
import { EventType, ProcessingEvent } from '../../model/event';
import { ConsentChannel, ConsentPurpose, ConsentRecord, ConsentTextVersion } from '../../model/consent';
import { DataSubject } from '../../model/subject';
import { CustomVocabularyEntry, VocabularyKind } from '../../register/vocabulary';
import { PAGES, def } from '../define';

const RegisterFormat = z.enum(['csv', 'json']);
const Evidence = {
  channel: ConsentChannel,
  quote: z.string().max(5000).default(''),
  ticketUrl: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
  at: Instant.optional(),
};

export const REGISTER_MESSAGES = {
  // — record of processing activities (Art. 30) —
  'register.list': def(
    PAGES,
    z.object({}),
    z.object({ activities: z.array(ProcessingActivity), vocabulary: z.array(CustomVocabularyEntry), organisationProfile: z.boolean() }),
  ),
  /** `activity` is validated by the db layer, so a bad field comes back as a `validation` error naming it. */
  'register.save': def(PAGES, z.object({ id: Id.optional(), activity: z.unknown() }), ProcessingActivity),
  'register.delete': def(PAGES, z.object({ id: Id }), z.object({ id: Id })),
  'register.addVocabulary': def(
    PAGES,
    z.object({ kind: VocabularyKind, label: z.string().trim().min(1).max(200), special: z.boolean().optional() }),
    CustomVocabularyEntry,
  ),
  'register.export': def(
    PAGES,
    z.object({ format: RegisterFormat, language: UiLanguage }),
    z.object({ filename: z.string(), mime: z.string(), content: z.string(), count: z.number().int() }),
  ),
  'register.import': def(
    PAGES,
    z.object({ format: RegisterFormat, content: z.string().max(20_000_000, 'the file is larger than 20 MB') }),
    z.object({ created: z.number().int(), updated: z.number().int() }),
  ),

  // — processing-event log —
  'events.query': def(
    PAGES,
    z.object({
      activityId: Id.optional(),
      email: z.string().trim().max(320).optional(),
      from: Instant.optional(),
      to: Instant.optional(),
      type: EventType.optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    z.object({ total: z.number().int(), items: z.array(ProcessingEvent), subjects: z.record(z.string(), DataSubject) }),
  ),
  'events.log': def(
    PAGES,
    z.object({
      activityId: Id,
      type: EventType,
      email: Email.optional(),
      recipient: z.string().trim().max(500).optional(),
      description: z.string().max(5000).default(''),
      at: Instant.optional(),
    }),
    ProcessingEvent,
  ),

  // — consent (Art. 7) —
  'consent.purposes': def(PAGES, z.object({}), z.object({ purposes: z.array(ConsentPurpose), texts: z.array(ConsentTextVersion) })),
  'consent.savePurpose': def(PAGES, z.object({ id: Id.optional(), key: z.string().max(60), name: z.string().max(500), activityId: Id.optional() }), ConsentPurpose),
  'consent.setText': def(
    PAGES,
    z.object({ purposeId: Id, language: UiLanguage, text: z.string().max(20_000) }),
    z.object({ text: ConsentTextVersion, created: z.boolean() }),
  ),
  /** A person's consent history by e-mail; `subject` is null when nobody has that address. */
  'consent.history': def(
    PAGES,
    z.object({ email: Email }),
    z.object({ subject: DataSubject.nullable(), records: z.array(ConsentRecord), texts: z.array(ConsentTextVersion) }),
  ),
  'consent.record': def(PAGES, z.object({ email: Email, purposeId: Id, language: UiLanguage.optional(), ...Evidence }), ConsentRecord),
  'consent.withdraw': def(PAGES, z.object({ email: Email, purposeId: Id, ...Evidence }), ConsentRecord),
} as const;
