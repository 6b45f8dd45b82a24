// The export package for access (Art. 15) and portability (Art. 20) requests: everything stored about
// one subject, in a structured, commonly used, machine-readable format (JSON), with a documented schema.
import { z } from 'zod';
import { Instant } from './common';
import { DataSubject } from './subject';
import { SubjectRequest } from './request';
import { ConsentRecord, ConsentTextVersion, ConsentPurpose } from './consent';
import { ProcessingEvent } from './event';
import { ProcessingActivity } from './activity';

export const SUBJECT_EXPORT_FORMAT = 'privacy-desk/subject-export';

export const SubjectExport = z.object({
  format: z.literal(SUBJECT_EXPORT_FORMAT),
  version: z.literal(1),
  generatedAt: Instant,
  controller: z.string().optional(),
  subject: DataSubject,
  requests: z.array(SubjectRequest),
  consents: z.array(ConsentRecord),
  /** The consent texts the subject was shown (Art. 7(1)). */
  consentTexts: z.array(ConsentTextVersion),
  consentPurposes: z.array(ConsentPurpose),
  events: z.array(ProcessingEvent),
  /** Register activities that concern the subject (through events or consent purposes): purposes, recipients, retention (Art. 15(1)(a)–(d)). */
  activities: z.array(ProcessingActivity),
});
export type SubjectExport = z.infer<typeof SubjectExport>;
