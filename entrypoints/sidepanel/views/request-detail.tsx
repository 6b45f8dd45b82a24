// One request: its deadline, lifecycle (only the transitions the lifecycle allows, each with its
// required reason), identity check, checklist of systems, notes, outcome, source ticket, export package
// and — after a completed erasure — erasure of the subject's own records in Privacy Desk.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ALLOWED_TRANSITIONS, IdentityMethod, NEEDS_REASON, REQUEST_ARTICLE, type DataSubject, type RequestStatus, type SubjectRequest } from '../../../lib/model';
import { send } from '../../../lib/messaging/client';
import { daysLeft, formatDateTime, formatDue, t } from '../../shared/i18n';
import { ProgressNote, useProgress } from '../../shared/progress';
import { downloadJson } from '../download';
import { downloadPdf } from '../../documents/pdf';
import { errorText } from '../../shared/error-text';
import { dayInZone, packageLetterFields } from '../../../lib/documents/inputs/dsar-letter-fields';

interface Props {
  id: string;
  onClose(): void;
  onChanged(): void;
}

export function RequestDetail({ id, onClose, onChanged }: Props) {
  const [data, setData] = useState<{ request: SubjectRequest; subject: DataSubject } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [info, setInfo] = useState<string | undefined>();
  // An erasure ends with a rebuild of the database (lib/db/rebuild.ts): its progress is shown.
  const [erasing, setErasing] = useState(false);
  const progress = useProgress(erasing);

  const load = () => send('requests.get', { id }).then(setData, (e: unknown) => setError(errorText(e)));
  useEffect(() => void load(), [id]);
  // Opening a request replaces the list under the keyboard: focus its heading, so keyboard and
  // screen-reader users continue from the request, not from the top of the page.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [data?.request.id]);

  async function act(fn: () => Promise<unknown>, done?: string) {
    setError(undefined);
    setInfo(undefined);
    try {
      await fn();
      await load();
      onChanged();
      if (done) setInfo(done);
    } catch (e) {
      setError(errorText(e));
    }
  }

  if (!data) return <section class="detail">{error ? <p class="warn" role="alert">{error}</p> : '…'}</section>;
  const { request, subject } = data;
  const days = daysLeft(request.effectiveDueAt);
  return (
    <section class="detail" aria-labelledby="detail-title" data-testid="request-detail">
      <header class="detail-head">
        <button type="button" onClick={onClose} aria-label={t('back')}>←</button>
        <h2 id="detail-title" tabIndex={-1} ref={heading}>
          {t(`type_${request.type}`)} ({REQUEST_ARTICLE[request.type]}) — {subject.names[0] ?? subject.emails[0]}
        </h2>
      </header>
      {error ? <p class="warn" role="alert" data-testid="detail-error">{error}</p> : null}
      {info ? <p class="ok" role="status">{info}</p> : null}
      <dl class="facts">
        <dt>{t('filterStatus')}</dt>
        <dd data-testid="detail-status">{t(`status_${request.status}`)}</dd>
        <dt>{t('receivedOn')}</dt>
        <dd>{formatDateTime(request.receivedAt)}</dd>
        <dt>{t('queueDue')}</dt>
        <dd data-testid="detail-due" class={request.open && days < 0 ? 'warn' : ''}>
          {formatDue(request.effectiveDueAt)}
          {request.open ? ` · ${days < 0 ? t('queueOverdue') : t('queueDaysLeft', String(days))}` : ''}
          {request.extendedDueAt ? ` (${t('extendedFrom', formatDue(request.dueAt))})` : ''}
        </dd>
        {subject.emails[0] ? (
          <>
            <dt>{t('email')}</dt>
            <dd>{subject.emails.join(', ')}</dd>
          </>
        ) : null}
        {request.source ? (
          <>
            <dt>{t('sourceTicket')}</dt>
            <dd>
              <a href={request.source.url} target="_blank" rel="noreferrer noopener">
                {request.source.helpdesk} #{request.source.ticketId}
              </a>
            </dd>
          </>
        ) : null}
        {request.extension ? (
          <>
            <dt>{t('extension')}</dt>
            <dd>
              {request.extension.reason} · {t('subjectToldOn')} {formatDue(request.extension.subjectToldOn)}
            </dd>
          </>
        ) : null}
        {request.outcome?.ground ? (
          <>
            <dt>{t('legalGround')}</dt>
            <dd>{request.outcome.ground}</dd>
          </>
        ) : null}
      </dl>

      <Lifecycle request={request} act={act} />
      <Identity request={request} act={act} />
      <Checklist request={request} act={act} />
      <Notes request={request} act={act} />

      <div class="row-actions">
        {request.type === 'access' || request.type === 'portability' ? (
          <button
            type="button"
            onClick={() =>
              act(async () => {
                const pkg = await send('subjects.export', { subjectId: subject.id });
                const file = `privacy-desk-export-${subject.id.slice(0, 8)}.json`;
                downloadJson(pkg, file);
                await downloadLetter(request, subject, pkg.activities.map((a) => a.id), file);
              }, t('exportDone'))
            }
          >
            {t('prepareExport')}
          </button>
        ) : null}
        {request.type === 'erasure' && request.status === 'completed' && !subject.erasedAt ? (
          <button
            type="button"
            class="danger"
            onClick={() => {
              if (!confirm(t('eraseConfirm'))) return;
              setErasing(true);
              void act(() => send('subjects.erase', { subjectId: subject.id, confirm: true }), t('erased')).finally(() => setErasing(false));
            }}
          >
            {t('eraseInExtension')}
          </button>
        ) : null}
      </div>
      <ProgressNote progress={progress} />

      <h3>{t('history')}</h3>
      <ol class="history" data-testid="history">
        {request.transitions.map((tr, i) => (
          <li key={i} class={tr.conflict ? 'conflict' : undefined} data-testid={tr.conflict ? 'history-conflict' : undefined}>
            {formatDateTime(tr.at)} — {tr.from ? `${t(`status_${tr.from}`)} → ` : ''}
            {t(`status_${tr.to}`)} · {tr.actor}
            {tr.reason ? ` · ${tr.reason}` : ''}
            {tr.conflict ? ` · ⚠ ${t('teamConflict')}` : ''}
          </li>
        ))}
        {(request.overwritten ?? []).map((o) => (
          <li key={`o${o.order}-${o.field}`} class="conflict" data-testid="history-overwritten">
            ⚠ {t('teamOverwritten', [o.field, o.by, o.overwrittenBy])}: <span class="muted">{o.value}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

type Act = (fn: () => Promise<unknown>, done?: string) => Promise<void>;

/**
 * The response letter that goes with an access or portability package (Arts. 12(1), 15, 20), in the
 * subject's language, built by the document engine from the profile and the register: the activities
 * that concern the subject, or the whole register when none is linked to them yet.
 */
async function downloadLetter(request: SubjectRequest, subject: DataSubject, activityIds: string[], file: string) {
  const ids = activityIds.length ? activityIds : (await send('documents.sources', {})).activities.map((a) => a.id);
  const profile = await send('organisation.get', {});
  const language = request.language ?? profile?.defaultLanguage ?? 'en';
  // Dated where the organisation is; without a profile, where this browser is.
  const timeZone = profile?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const fields = packageLetterFields({ request, subject, activityIds: ids, file, timeZone, now: new Date() });
  const letter = await send('documents.generate', { kind: 'dsar-response', language, fields });
  downloadPdf(letter.document, letter.pdf);
}

function Lifecycle({ request, act }: { request: SubjectRequest; act: Act }) {
  const [to, setTo] = useState<RequestStatus | ''>('');
  const [reason, setReason] = useState('');
  // Today where the DPO is (the UTC day would be yesterday or tomorrow near midnight).
  const [told, setTold] = useState(dayInZone(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone));
  const [ground, setGround] = useState('');
  const next = ALLOWED_TRANSITIONS[request.status];
  if (next.length === 0) return null;
  return (
    <form
      class="card"
      aria-label={t('changeStatus')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!to) return;
        void act(() =>
          send('requests.transition', {
            id: request.id,
            to,
            ...(reason.trim() ? { reason } : {}),
            ...(to === 'extended' ? { subjectToldOn: told } : {}),
            ...(to === 'rejected' && ground.trim() ? { ground } : {}),
          }),
        );
        setTo('');
        setReason('');
      }}
    >
      <h3>{t('changeStatus')}</h3>
      <div class="status-buttons" role="radiogroup" aria-label={t('changeStatus')}>
        {next.map((s) => (
          <label key={s} class={to === s ? 'chip active' : 'chip'}>
            <input type="radio" name="to" value={s} checked={to === s} onChange={() => setTo(s)} />
            {t(`status_${s}`)}
          </label>
        ))}
      </div>
      {to ? (
        <>
          <label>
            {t('reason')}
            {NEEDS_REASON.includes(to) ? ' *' : ''}
            <input value={reason} onInput={(e) => setReason((e.target as HTMLInputElement).value)} data-testid="transition-reason" />
          </label>
          {to === 'extended' ? (
            <label>
              {t('subjectToldOn')} *
              <input type="date" value={told} onInput={(e) => setTold((e.target as HTMLInputElement).value)} />
            </label>
          ) : null}
          {to === 'rejected' ? (
            <label>
              {t('legalGround')} *
              <input value={ground} placeholder="Art. 12(5)" onInput={(e) => setGround((e.target as HTMLInputElement).value)} />
            </label>
          ) : null}
          <button class="primary" type="submit">
            {t('apply')}
          </button>
        </>
      ) : null}
    </form>
  );
}

function Identity({ request, act }: { request: SubjectRequest; act: Act }) {
  const [method, setMethod] = useState<IdentityMethod>('email-match');
  const [evidence, setEvidence] = useState('');
  if (request.identity)
    return (
      <div class="card">
        <h3>{t('identity')}</h3>
        <p data-testid="identity">
          ✓ {t(`idMethod_${request.identity.method}`)} — {request.identity.evidence} · {request.identity.by}, {formatDateTime(request.identity.at)}
        </p>
      </div>
    );
  if (!request.open) return null;
  return (
    <form
      class="card"
      onSubmit={(e) => {
        e.preventDefault();
        void act(() => send('requests.edit', { id: request.id, identity: { method, evidence } }));
      }}
    >
      <h3>{t('identity')}</h3>
      <label>
        {t('idMethod')}
        <select value={method} onChange={(e) => setMethod((e.target as HTMLSelectElement).value as typeof method)}>
          {IdentityMethod.options.map((m) => (
            <option key={m} value={m}>
              {t(`idMethod_${m}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('idEvidence')}
        <input required value={evidence} onInput={(e) => setEvidence((e.target as HTMLInputElement).value)} />
      </label>
      <button type="submit">{t('recordIdentity')}</button>
    </form>
  );
}

function Checklist({ request, act }: { request: SubjectRequest; act: Act }) {
  const [system, setSystem] = useState('');
  return (
    <div class="card">
      <h3>{t('checklist')}</h3>
      <ul class="checklist" data-testid="checklist">
        {request.checklist.map((item) => (
          <li key={item.system}>
            <label>
              <input type="checkbox" checked={item.done} onChange={(e) => void act(() => send('requests.edit', { id: request.id, checklist: { system: item.system, done: (e.target as HTMLInputElement).checked } }))} />
              {item.system}
            </label>
            {item.done && item.by ? <span class="muted"> · {item.by}, {formatDateTime(item.at!)}</span> : null}
          </li>
        ))}
      </ul>
      {request.open ? (
        <form
          class="inline"
          onSubmit={(e) => {
            e.preventDefault();
            if (system.trim()) void act(() => send('requests.edit', { id: request.id, checklist: { system: system.trim(), done: false } }));
            setSystem('');
          }}
        >
          <label class="sr-only" for="add-system">{t('addSystem')}</label>
          <input id="add-system" placeholder={t('addSystem')} value={system} onInput={(e) => setSystem((e.target as HTMLInputElement).value)} />
          <button type="submit">+</button>
        </form>
      ) : null}
    </div>
  );
}

function Notes({ request, act }: { request: SubjectRequest; act: Act }) {
  const [notes, setNotes] = useState(request.notes);
  const [summary, setSummary] = useState(request.outcome?.summary ?? '');
  const [ground, setGround] = useState(request.outcome?.ground ?? '');
  return (
    <form
      class="card"
      onSubmit={(e) => {
        e.preventDefault();
        void act(() => send('requests.edit', { id: request.id, notes, outcome: { summary, ...(ground.trim() ? { ground } : {}) } }), t('saved'));
      }}
    >
      <h3>{t('notesOutcome')}</h3>
      <label>
        {t('notes')}
        <textarea rows={3} value={notes} onInput={(e) => setNotes((e.target as HTMLTextAreaElement).value)} />
      </label>
      <label>
        {t('outcome')}
        <textarea rows={2} value={summary} onInput={(e) => setSummary((e.target as HTMLTextAreaElement).value)} />
      </label>
      <label>
        {t('legalGroundPartial')}
        <input value={ground} placeholder="Art. 17(3)(b)" onInput={(e) => setGround((e.target as HTMLInputElement).value)} />
      </label>
      <button type="submit">{t('save')}</button>
    </form>
  );
}
