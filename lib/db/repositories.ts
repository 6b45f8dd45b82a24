// The repositories over one Store: the only way records are written.
import {
  Breach,
  ConsentPurpose,
  ConsentRecord,
  ConsentTextVersion,
  DataSubject,
  DocumentFile,
  GeneratedDocument,
  HelpdeskOrigin,
  ProcessingActivity,
  ProcessingEvent,
  SubjectRequest,
  Subprocessor,
} from '../model';
import { OPEN_STATUSES } from '../model/request';
import { CLOCK_STATUSES } from '../model/breach';
import { Repository, Store, type Clock } from './store';
import { openDatabase, type PrivacyDeskDb } from './schema';
import { attachVault } from './crypto/middleware';

export function createRepositories(db: PrivacyDeskDb = openDatabase(), clock?: Clock) {
  const store = new Store(db, clock);
  return {
    db,
    store,
    /** The passphrase lock's key holder (lib/db/crypto): state, and the keys while unlocked. */
    vault: attachVault(db),
    helpdeskOrigins: new Repository(store, 'helpdeskOrigins', HelpdeskOrigin, 'helpdesk origin'),
    subjects: new Repository(store, 'subjects', DataSubject, 'data subject'),
    // A soft-deleted request leaves the open index, so the queue and the badge never need to filter it out.
    requests: new Repository(store, 'requests', SubjectRequest, 'request', {
      onDelete: (r) => ({ ...r, open: 0 as const }),
      onRestore: (r) => ({ ...r, open: OPEN_STATUSES.includes(r.status) ? (1 as const) : (0 as const) }),
    }),
    activities: new Repository(store, 'activities', ProcessingActivity, 'processing activity'),
    events: new Repository(store, 'events', ProcessingEvent, 'processing event'),
    consentPurposes: new Repository(store, 'consentPurposes', ConsentPurpose, 'consent purpose'),
    consentTexts: new Repository(store, 'consentTexts', ConsentTextVersion, 'consent text'),
    consents: new Repository(store, 'consents', ConsentRecord, 'consent record'),
    subprocessors: new Repository(store, 'subprocessors', Subprocessor, 'subprocessor'),
    documents: new Repository(store, 'documents', GeneratedDocument, 'generated document'),
    // Like requests: a soft-deleted breach leaves the running-clock index (badge, warnings).
    breaches: new Repository(store, 'breaches', Breach, 'breach', {
      onDelete: (b) => ({ ...b, open: 0 as const }),
      onRestore: (b) => ({ ...b, open: CLOCK_STATUSES.includes(b.status) ? (1 as const) : (0 as const) }),
    }),
    documentFiles: new Repository(store, 'documentFiles', DocumentFile, 'document PDF'),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
