// Consent (Art. 7): purposes with versioned texts per language, and per person the history of consents
// and withdrawals with the answer to "may we process for this purpose now?" and the record that proves
// it — text version, its SHA-256, time, channel and evidence (Art. 7(1)).
import { useEffect, useState } from 'preact/hooks';
import { UI_LANGUAGES, type UiLanguage } from '../../../lib/model/common';
import { ConsentChannel, type ConsentPurpose, type ConsentRecord, type ConsentTextVersion } from '../../../lib/model/consent';
import type { ProcessingActivity } from '../../../lib/model/activity';
import { send } from '../../../lib/messaging/client';
import type { ResponseOf } from '../../../lib/messaging/protocol';
import { consentState } from '../../../lib/register/consent-state';
import { formatDateTime, t, uiLanguage } from '../../shared/i18n';
import { fromLocalInput, RegisterStyles, safeHref, toLocalInput } from './register-shared';
import { Choice, activityChoices } from '../../shared/choice';
import { errorText } from '../../shared/error-text';

type Purposes = ResponseOf<'consent.purposes'>;
type History = ResponseOf<'consent.history'>;

export function ConsentView() {
  const [purposes, setPurposes] = useState<Purposes | undefined>();
  const [activities, setActivities] = useState<ProcessingActivity[]>([]);
  const [error, setError] = useState<string | undefined>();

  const load = () => send('consent.purposes', {}).then(setPurposes, (e: unknown) => setError(errorText(e)));
  useEffect(() => {
    void load();
    void send('register.list', {}).then((l) => setActivities(l.activities), () => undefined);
  }, []);

  return (
    <section class="reg-view" aria-labelledby="cons-title" data-testid="consent-view">
      <RegisterStyles />
      <div class="reg-bar">
        <h2 id="cons-title">{t('consTitle')}</h2>
      </div>
      {error ? <p class="warn" role="alert">{error}</p> : null}
      <SubjectConsents purposes={purposes} />
      <h3 class="reg-section">{t('consPurposes')}</h3>
      {purposes ? <PurposeList purposes={purposes} activities={activities} onChanged={() => void load()} /> : '…'}
    </section>
  );
}

// — purposes and their texts —

function latest(texts: ConsentTextVersion[], purposeId: string, language: UiLanguage): ConsentTextVersion | undefined {
  return texts.filter((x) => x.purposeId === purposeId && x.language === language).sort((a, b) => b.version - a.version)[0];
}

function PurposeList({ purposes, activities, onChanged }: { purposes: Purposes; activities: ProcessingActivity[]; onChanged(): void }) {
  const [editing, setEditing] = useState<string | 'new' | undefined>();
  return (
    <>
      {purposes.purposes.length === 0 ? <p class="muted">{t('consNoPurposes')}</p> : null}
      <ul class="reg-list">
        {purposes.purposes.map((p) => (
          <li key={p.id} data-testid="purpose-row">
            {editing === p.id ? (
              <PurposeEditor purpose={p} texts={purposes.texts} activities={activities} onDone={() => { setEditing(undefined); onChanged(); }} onChanged={onChanged} />
            ) : (
              <button type="button" class="reg-item" onClick={() => setEditing(p.id)}>
                <span class="name">{p.name}</span>
                <span class="meta">
                  <span class="badge">{p.key}</span>
                  {activities.find((a) => a.id === p.activityId)?.name ?? ''}
                </span>
                <span class="state">
                  {UI_LANGUAGES.map((lang) => latest(purposes.texts, p.id, lang))
                    .filter((x): x is ConsentTextVersion => !!x)
                    .map((x) => `${x.language.toUpperCase()} v${x.version}`)
                    .join(' · ') || <span class="warn">{t('consNoText')}</span>}
                </span>
              </button>
            )}
          </li>
        ))}
      </ul>
      {editing === 'new' ? (
        <PurposeEditor texts={purposes.texts} activities={activities} onDone={() => { setEditing(undefined); onChanged(); }} onChanged={onChanged} />
      ) : (
        <div class="row-actions">
          <button type="button" onClick={() => setEditing('new')}>{t('consNewPurpose')}</button>
        </div>
      )}
    </>
  );
}

const slug = (s: string) =>
  s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);

function PurposeEditor({
  purpose,
  texts,
  activities,
  onDone,
  onChanged,
}: {
  purpose?: ConsentPurpose;
  texts: ConsentTextVersion[];
  activities: ProcessingActivity[];
  onDone(): void;
  onChanged(): void;
}) {
  const [name, setName] = useState(purpose?.name ?? '');
  const [key, setKey] = useState(purpose?.key ?? '');
  const [keyTouched, setKeyTouched] = useState(!!purpose);
  const [activityId, setActivityId] = useState(purpose?.activityId ?? '');
  const [language, setLanguage] = useState<UiLanguage>(uiLanguage());
  const current = purpose ? latest(texts, purpose.id, language) : undefined;
  const [text, setText] = useState(current?.text ?? '');
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | undefined>();

  const chooseLanguage = (lang: UiLanguage) => {
    setLanguage(lang);
    setText((purpose ? latest(texts, purpose.id, lang)?.text : undefined) ?? '');
    setStatus(undefined);
  };

  async function save(e: Event) {
    e.preventDefault();
    setStatus(undefined);
    try {
      const saved = await send('consent.savePurpose', { ...(purpose ? { id: purpose.id } : {}), key: key || slug(name), name, ...(activityId ? { activityId } : {}) });
      let message = t('consPurposeSaved', saved.name);
      if (text.trim()) {
        const result = await send('consent.setText', { purposeId: saved.id, language, text });
        message = result.created
          ? t('consTextVersionCreated', [String(result.text.version), language.toUpperCase(), result.text.sha256.slice(0, 12)])
          : t('consTextUnchanged', [String(result.text.version), language.toUpperCase()]);
      }
      setStatus({ tone: 'ok', text: message });
      onChanged();
      if (!purpose) onDone();
    } catch (err) {
      setStatus({ tone: 'error', text: errorText(err) });
    }
  }

  const versions = purpose ? texts.filter((x) => x.purposeId === purpose.id && x.language === language).sort((a, b) => b.version - a.version) : [];
  return (
    <form class="reg-form card" onSubmit={save} aria-label={purpose ? purpose.name : t('consNewPurpose')} data-testid="purpose-editor">
      <fieldset>
        <legend>{purpose ? purpose.name : t('consNewPurpose')}</legend>
        <label class="reg-field">
          <span>{t('consPurposeName')}</span>
          <input
            value={name}
            required
            onInput={(e) => {
              const v = (e.target as HTMLInputElement).value;
              setName(v);
              if (!keyTouched) setKey(slug(v));
            }}
          />
        </label>
        <label class="reg-field">
          <span>{t('consPurposeKey')}</span>
          <input value={key} pattern="[a-z0-9-]{1,60}" onInput={(e) => { setKeyTouched(true); setKey((e.target as HTMLInputElement).value); }} />
        </label>
        <label class="reg-field">
          <span>{t('consActivity')}</span>
          <Choice value={activityId} options={activityChoices(activities)} onChange={setActivityId} empty="—" />
        </label>
        <label class="reg-field">
          <span>{t('consTextLanguage')}</span>
          <select value={language} onChange={(e) => chooseLanguage((e.target as HTMLSelectElement).value as UiLanguage)}>
            {UI_LANGUAGES.map((l) => (
              <option key={l} value={l}>{t(`lang_${l}`)}</option>
            ))}
          </select>
        </label>
        <label class="reg-field wide">
          <span>{t('consText')}</span>
          <textarea rows={4} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
          <span class="muted">{t('consTextHint')}</span>
        </label>
        {versions.length ? (
          <div class="wide">
            <span class="muted">{t('consVersions')}</span>
            <ul class="history">
              {versions.map((v) => (
                <li key={v.id}>
                  v{v.version} · {formatDateTime(v.createdAt)} · <span class="reg-hash">SHA-256 {v.sha256}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </fieldset>
      {status ? <p class={status.tone === 'ok' ? 'ok' : 'warn'} role="status" data-testid="purpose-status">{status.text}</p> : null}
      <div class="row-actions">
        <button type="submit" class="primary">{t('save')}</button>
        <button type="button" onClick={onDone}>{t('regClose')}</button>
      </div>
    </form>
  );
}

// — one person's consents —

function SubjectConsents({ purposes }: { purposes: Purposes | undefined }) {
  const [email, setEmail] = useState(() => new URLSearchParams(location.search).get('email') ?? '');
  const [history, setHistory] = useState<(History & { email: string }) | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [asked, setAsked] = useState('');
  const [form, setForm] = useState<{ mode: 'give' } | { mode: 'withdraw'; purposeId: string } | undefined>();

  const lookup = async (address = email) => {
    setError(undefined);
    try {
      const found = await send('consent.history', { email: address.trim() });
      setHistory({ ...found, email: address.trim() });
    } catch (e) {
      setError(errorText(e));
    }
  };
  useEffect(() => {
    if (email) void lookup();
  }, []);

  const allTexts = new Map([...(purposes?.texts ?? []), ...(history?.texts ?? [])].map((x) => [x.id, x]));
  const purposeName = (id: string) => purposes?.purposes.find((p) => p.id === id)?.name ?? id;
  const purposeIds = [...new Set([...(purposes?.purposes.map((p) => p.id) ?? []), ...(history?.records.map((r) => r.purposeId) ?? [])])];
  const askedId = asked || purposeIds[0] || '';

  return (
    <div data-testid="subject-consents">
      <form
        class="reg-bar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void lookup();
        }}
      >
        <label class="reg-field" style={{ flex: '1 1 240px' }}>
          <span>{t('consPersonEmail')}</span>
          <input type="email" required value={email} onInput={(e) => setEmail((e.target as HTMLInputElement).value)} data-testid="consent-email" />
        </label>
        <button type="submit" style={{ alignSelf: 'end' }}>{t('consLookUp')}</button>
      </form>
      {error ? <p class="warn" role="alert">{error}</p> : null}
      {history ? (
        <>
          <p class="reg-summary" data-testid="consent-person">
            {history.subject ? `${history.subject.names.join(', ') || history.email} · ${history.subject.emails.join(', ')}` : t('consUnknownPerson', history.email)}
          </p>
          {purposeIds.length ? (
            <div class="card">
              <label class="reg-field">
                <span>{t('consMayWe')}</span>
                <select value={askedId} onChange={(e) => setAsked((e.target as HTMLSelectElement).value)} data-testid="consent-ask">
                  {purposeIds.map((id) => (
                    <option key={id} value={id}>{purposeName(id)}</option>
                  ))}
                </select>
              </label>
              <Answer records={history.records} purposeId={askedId} texts={allTexts} purposeName={purposeName(askedId)} onWithdraw={() => setForm({ mode: 'withdraw', purposeId: askedId })} />
            </div>
          ) : null}
          <div class="row-actions">
            <button type="button" class="primary" onClick={() => setForm({ mode: 'give' })} disabled={!purposes?.purposes.length}>{t('consRecord')}</button>
          </div>
          {form && purposes ? (
            <ConsentForm
              email={history.email}
              purposes={purposes}
              mode={form.mode}
              {...(form.mode === 'withdraw' ? { purposeId: form.purposeId } : {})}
              onDone={(saved) => {
                setForm(undefined);
                if (saved) void lookup(history.email);
              }}
            />
          ) : null}
          {history.records.length ? (
            <table class="reg-table" data-testid="consent-history">
              <caption class="reg-section" style={{ textAlign: 'left' }}>{t('consHistory')}</caption>
              <thead>
                <tr>
                  <th>{t('evWhen')}</th>
                  <th>{t('consPurpose')}</th>
                  <th>{t('consAction')}</th>
                  <th>{t('consTextVersion')}</th>
                  <th>{t('consChannel')}</th>
                  <th>{t('consEvidence')}</th>
                  <th>{t('consRecordedBy')}</th>
                </tr>
              </thead>
              <tbody>
                {[...history.records].reverse().map((r) => {
                  const text = r.textVersionId ? allTexts.get(r.textVersionId) : undefined;
                  return (
                    <tr key={r.id} data-testid="consent-row">
                      <td>{formatDateTime(r.at)}</td>
                      <td>{purposeName(r.purposeId)}</td>
                      <td><span class="badge">{t(r.action === 'give' ? 'consGiven' : 'consWithdrawn')}</span></td>
                      <td>
                        {text ? `v${text.version} (${text.language.toUpperCase()})` : r.language.toUpperCase()}
                        {r.textSha256 ? <div class="reg-hash">{r.textSha256.slice(0, 16)}…</div> : null}
                      </td>
                      <td>{t(`channel_${r.channel}`)}</td>
                      <td><Evidence record={r} /></td>
                      <td>{r.recordedBy}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function Evidence({ record }: { record: ConsentRecord }) {
  const href = safeHref(record.evidence.ticketUrl);
  return (
    <>
      {record.evidence.quote ? <div class="reg-quote">“{record.evidence.quote}”</div> : null}
      {href ? <a href={href} target="_blank" rel="noreferrer noopener">{t('consTicketLink')}</a> : null}
    </>
  );
}

/** "May we process for this purpose now?" — yes or no, with the record that decides it. */
function Answer({
  records,
  purposeId,
  texts,
  purposeName,
  onWithdraw,
}: {
  records: ConsentRecord[];
  purposeId: string;
  texts: Map<string, ConsentTextVersion>;
  purposeName: string;
  onWithdraw(): void;
}) {
  const state = consentState(records, purposeId, new Date().toISOString());
  const r = state.decidedBy;
  if (!r)
    return (
      <div class="reg-answer no" data-testid="consent-answer">
        <strong>{t('consAnswerNone', purposeName)}</strong>
      </div>
    );
  const text = r.textVersionId ? texts.get(r.textVersionId) : undefined;
  const given = state.state === 'given';
  return (
    <div class={`reg-answer ${given ? 'yes' : 'no'}`} data-testid="consent-answer">
      <strong>{given ? t('consAnswerYes', purposeName) : t('consAnswerWithdrawn', [purposeName, formatDateTime(r.at)])}</strong>
      <dl>
        <dt>{t(given ? 'consGivenAt' : 'consWithdrawnAt')}</dt>
        <dd>{formatDateTime(r.at)}</dd>
        {given ? (
          <>
            <dt>{t('consTextVersion')}</dt>
            <dd>{text ? `v${text.version} (${text.language.toUpperCase()})` : r.textVersionId}</dd>
            <dt>SHA-256</dt>
            <dd class="reg-hash" data-testid="consent-sha">{r.textSha256}</dd>
            {text ? (
              <>
                <dt>{t('consTextShort')}</dt>
                <dd class="reg-quote">{text.text}</dd>
              </>
            ) : null}
          </>
        ) : null}
        <dt>{t('consChannel')}</dt>
        <dd>{t(`channel_${r.channel}`)}</dd>
        <dt>{t('consEvidence')}</dt>
        <dd><Evidence record={r} /></dd>
        <dt>{t('consRecordedBy')}</dt>
        <dd>{r.recordedBy}</dd>
      </dl>
      {given ? (
        <div class="row-actions">
          <button type="button" class="danger" onClick={onWithdraw}>{t('consWithdraw')}</button>
        </div>
      ) : null}
    </div>
  );
}

function ConsentForm({
  email,
  purposes,
  mode,
  purposeId: fixedPurpose,
  onDone,
}: {
  email: string;
  purposes: Purposes;
  mode: 'give' | 'withdraw';
  purposeId?: string;
  onDone(saved: boolean): void;
}) {
  const [purposeId, setPurposeId] = useState(fixedPurpose ?? purposes.purposes[0]?.id ?? '');
  const [language, setLanguage] = useState<UiLanguage | ''>('');
  const [channel, setChannel] = useState<ConsentChannel>(mode === 'give' ? 'web-form' : 'email');
  const [quote, setQuote] = useState('');
  const [ticketUrl, setTicketUrl] = useState('');
  const [at, setAt] = useState(() => toLocalInput(new Date().toISOString()));
  // Minutes only in the field: unless the user picks a time, the background stamps the exact moment.
  const [atTouched, setAtTouched] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function submit(e: Event) {
    e.preventDefault();
    setError(undefined);
    const when = atTouched ? fromLocalInput(at) : undefined;
    const common = { email, purposeId, channel, quote, ...(ticketUrl.trim() ? { ticketUrl: ticketUrl.trim() } : {}), ...(when ? { at: when } : {}) };
    try {
      if (mode === 'give') await send('consent.record', { ...common, ...(language ? { language } : {}) });
      else await send('consent.withdraw', common);
      onDone(true);
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <form class="reg-form card" onSubmit={submit} aria-label={mode === 'give' ? t('consRecord') : t('consWithdraw')} data-testid="consent-form">
      <fieldset>
        <legend>{mode === 'give' ? t('consRecord') : t('consWithdraw')}</legend>
        <label class="reg-field">
          <span>{t('consPurpose')}</span>
          <select value={purposeId} disabled={mode === 'withdraw'} onChange={(e) => setPurposeId((e.target as HTMLSelectElement).value)}>
            {purposes.purposes.map((p) => (
              <option key={p.id} value={p.id}>{p.name}</option>
            ))}
          </select>
        </label>
        {mode === 'give' ? (
          <label class="reg-field">
            <span>{t('consTextLanguage')}</span>
            <select value={language} onChange={(e) => setLanguage((e.target as HTMLSelectElement).value as UiLanguage | '')}>
              <option value="">{t('consLanguageAuto')}</option>
              {UI_LANGUAGES.filter((l) => latest(purposes.texts, purposeId, l)).map((l) => (
                <option key={l} value={l}>{t(`lang_${l}`)}</option>
              ))}
            </select>
          </label>
        ) : null}
        <label class="reg-field">
          <span>{t('consChannel')}</span>
          <select value={channel} onChange={(e) => setChannel((e.target as HTMLSelectElement).value as ConsentChannel)}>
            {ConsentChannel.options.map((c) => (
              <option key={c} value={c}>{t(`channel_${c}`)}</option>
            ))}
          </select>
        </label>
        <label class="reg-field">
          <span>{t('evWhen')}</span>
          <input type="datetime-local" value={at} onInput={(e) => {
              setAtTouched(true);
              setAt((e.target as HTMLInputElement).value);
            }} />
        </label>
        <label class="reg-field wide">
          <span>{t('consQuote')}</span>
          <textarea rows={2} value={quote} onInput={(e) => setQuote((e.target as HTMLTextAreaElement).value)} />
        </label>
        <label class="reg-field wide">
          <span>{t('consTicketUrl')}</span>
          <input type="url" value={ticketUrl} placeholder="https://" onInput={(e) => setTicketUrl((e.target as HTMLInputElement).value)} />
        </label>
      </fieldset>
      {error ? <p class="warn" role="alert">{error}</p> : null}
      <div class="row-actions">
        <button type="submit" class={mode === 'give' ? 'primary' : 'danger'}>{mode === 'give' ? t('consRecord') : t('consWithdraw')}</button>
        <button type="button" onClick={() => onDone(false)}>{t('regCancel')}</button>
      </div>
    </form>
  );
}
