// The zod schema each table's records must satisfy: restore and the migration tests validate every
// record with it. A Record over RecordTable, so a new table does not build until it is listed here.
import type { z } from 'zod';
import {
  Breach,
  ConsentPurpose,
  ConsentRecord,
  ConsentTextVersion,
  DataSubject,
  DocumentFile,
  GeneratedDocument,
  HelpdeskOrigin,
  OrganisationProfile,
  ProcessingActivity,
  ProcessingEvent,
  SubjectRequest,
  Subprocessor,
} from '../model';
import type { RecordTable } from '../db/schema';

export const TABLE_SCHEMAS: Record<RecordTable, z.ZodType> = {
  organisation: OrganisationProfile,
  helpdeskOrigins: HelpdeskOrigin,
  subjects: DataSubject,
  requests: SubjectRequest,
  activities: ProcessingActivity,
  events: ProcessingEvent,
  consentPurposes: ConsentPurpose,
  consentTexts: ConsentTextVersion,
  consents: ConsentRecord,
  subprocessors: Subprocessor,
  documents: GeneratedDocument,
  breaches: Breach,
  documentFiles: DocumentFile,
};
