// The record of processing activities (Art. 30): the list with each entry's completeness, the editor,
// and export (CSV, JSON; audited) and all-or-nothing import.
import { useEffect, useState } from 'preact/hooks';
import { LEGAL_BASIS_ARTICLE, type ProcessingActivity } from '../../../lib/model/activity';
import { send } from '../../../lib/messaging/client';
import type { ResponseOf } from '../../../lib/messaging/protocol';
import { checkCompleteness, countComplete } from '../../../lib/register/completeness';
import { labelOf, type CustomVocabularyEntry } from '../../../lib/register/vocabulary';
import { t, uiLanguage } from '../../shared/i18n';
import { readChosenFile } from '../../shared/read-file';
import { downloadBlob } from '../download';
import { ActivityEditor, missingLabel } from './register-editor';
import { RegisterStyles } from './register-shared';
import { errorText } from '../../shared/error-text';

type Listing = ResponseOf<'register.list'>;

export function RegisterView() {
  const [listing, setListing] = useState<Listing | undefined>();
  const [editing, setEditing] = useState<ProcessingActivity | 'new' | undefined>();
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | undefined>();

  const load = () => send('register.list', {}).then(setListing, (e: unknown) => setStatus({ tone: 'error', text: errorText(e) }));
  useEffect(() => void load(), []);

  const addVocabulary = (entry: CustomVocabularyEntry) =>
    setListing((l) => (l && !l.vocabulary.some((v) => v.key === entry.key) ? { ...l, vocabulary: [...l.vocabulary, entry] } : l));

  async function exportAs(format: 'csv' | 'json') {
    setStatus(undefined);
    try {
      const file = await send('register.export', { format, language: uiLanguage() });
      downloadBlob(new Blob([file.content], { type: file.mime }), file.filename);
      setStatus({ tone: 'ok', text: t('regExported', [String(file.count), format.toUpperCase()]) });
    } catch (e) {
      setStatus({ tone: 'error', text: errorText(e) });
    }
  }

  async function importFile(e: Event) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setStatus(undefined);
    try {
      const content = await readChosenFile(file, 'register');
      const format = /\.json$/i.test(file.name) || content.trimStart().startsWith('{') ? 'json' : 'csv';
      const result = await send('register.import', { format, content });
      setStatus({ tone: 'ok', text: t('regImported', [String(result.created), String(result.updated)]) });
      await load();
    } catch (err) {
      setStatus({ tone: 'error', text: errorText(err) });
    }
  }

  if (!listing) return <section class="reg-view"><RegisterStyles />{status ? <p class="warn" role="alert">{status.text}</p> : '…'}</section>;
  const context = { organisationProfile: listing.organisationProfile, custom: listing.vocabulary };

  if (editing)
    return (
      <section class="reg-view">
        <RegisterStyles />
        <ActivityEditor
          key={editing === 'new' ? 'new' : editing.id}
          {...(editing === 'new' ? {} : { activity: editing })}
          custom={listing.vocabulary}
          organisationProfile={listing.organisationProfile}
          onVocabularyAdded={addVocabulary}
          onSaved={(saved) => {
            setEditing(undefined);
            setStatus({ tone: 'ok', text: t('regSaved', saved.name) });
            void load();
          }}
          onClose={() => {
            setEditing(undefined);
            void load();
          }}
        />
      </section>
    );

  const { complete, total } = countComplete(listing.activities, context);
  const lang = uiLanguage();
  return (
    <section class="reg-view" aria-labelledby="reg-title" data-testid="register-view">
      <RegisterStyles />
      <div class="reg-bar">
        <h2 id="reg-title">{t('regTitle')}</h2>
        <button type="button" class="primary" onClick={() => setEditing('new')}>{t('regNewActivity')}</button>
        <button type="button" onClick={() => void exportAs('csv')} disabled={total === 0}>{t('regExportCsv')}</button>
        <button type="button" onClick={() => void exportAs('json')} disabled={total === 0}>{t('regExportJson')}</button>
        <label class="chip" title={t('regImportHint')}>
          {t('regImport')}
          <input type="file" accept=".csv,.json,text/csv,application/json" class="sr-only" onChange={(e) => void importFile(e)} data-testid="register-import" />
        </label>
      </div>
      <p class="reg-summary" data-testid="register-summary">
        {total === 0 ? t('regEmpty') : t('regCompleteCount', [String(complete), String(total)])}
      </p>
      {status ? (
        <p class={`${status.tone === 'ok' ? 'ok' : 'warn'} reg-problems`} role={status.tone === 'ok' ? 'status' : 'alert'} data-testid="register-status">
          {status.text}
        </p>
      ) : null}
      <ul class="reg-list">
        {listing.activities.map((a) => {
          const check = checkCompleteness(a, context);
          return (
            <li key={a.id}>
              <button type="button" class="reg-item" onClick={() => setEditing(a)} data-testid="activity-row">
                <span class="name">{a.name}</span>
                <span class="meta">
                  <span class="badge">{t(a.role === 'controller' ? 'roleController' : 'roleProcessor')}</span>
                  {a.legalBasis ? `${LEGAL_BASIS_ARTICLE[a.legalBasis]} · ` : ''}
                  {a.purposes.map((p) => labelOf('purposes', p, lang, listing.vocabulary)).join(', ')}
                  {a.dpiaRequired ? ` · ${t('regDpia')}` : ''}
                </span>
                <span class={`state ${check.complete ? 'ok' : 'warn'}`}>
                  {check.complete ? t('regCompleteShort') : t('regMissingShort', String(check.missing.length))}
                  {check.complete ? null : (
                    <>
                      <br />
                      <span class="muted">{check.missing.slice(0, 3).map((m) => missingLabel(m, listing.vocabulary)).join(', ')}{check.missing.length > 3 ? ', …' : ''}</span>
                    </>
                  )}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
