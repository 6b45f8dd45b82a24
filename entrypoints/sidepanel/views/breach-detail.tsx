// One breach: its live clock (Art. 33(1)), the facts Art. 33(3) asks for, the decision whether to notify
// with its reasons (kept under Art. 33(5) either way), the submissions to the authority (Art. 33(4)),
// the communication to the people affected (Art. 34), the lifecycle, the documents and the history.
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  ART34_EXEMPTIONS,
  BREACH_KINDS,
  BREACH_NATURES,
  BREACH_REPORTERS,
  BREACH_TRANSITIONS,
  BREACH_NEEDS_REASON,
  RISK_LEVELS,
  UI_LANGUAGES,
  type Breach,
  type BreachStatus,
  type UiLanguage,
} from '../../../lib/model';
import { send } from '../../../lib/messaging/client';
import type { ResponseOf } from '../../../lib/messaging/protocol';
import { formatDateTime, formatDateTimeWithZone, t } from '../../shared/i18n';
import { Choice } from '../../shared/choice';
import { downloadPdf } from '../../documents/pdf';
import { countdown, fromLocalInput, toLocalInput, useNow, userTimeZone } from './breach-clock';
import { errorText } from '../../shared/error-text';

type Loaded = ResponseOf<'breaches.get'>;
type Act = (fn: () => Promise<unknown>, done?: string) => Promise<void>;

interface Props {
  id: string;
  onClose(): void;
  onChanged(): void;
}

export function BreachDetail({ id, onClose, onChanged }: Props) {
  const [data, setData] = useState<Loaded | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [info, setInfo] = useState<string | undefined>();
  const now = useNow();
  const load = () => send('breaches.get', { id, timeZone: userTimeZone() }).then(setData, (e: unknown) => setError(errorText(e)));
  useEffect(() => void load(), [id]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [data?.breach.id]);

  const act: Act = async (fn, done) => {
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
  };

  if (!data) return <section class="detail">{error ? <p class="warn" role="alert">{error}</p> : '…'}</section>;
  const { breach, clock } = data;
  const left = countdown(breach.dueAt, now);
  const processorLeft = clock.processorDue ? countdown(clock.processorDue, now) : undefined;
  return (
    <section class="detail" aria-labelledby="breach-title" data-testid="breach-detail">
      <header class="detail-head">
        <button type="button" onClick={onClose} aria-label={t('breachBack')}>←</button>
        <h2 id="breach-title" tabIndex={-1} ref={heading}>{breach.title}</h2>
      </header>
      {error ? <p class="warn" role="alert" data-testid="breach-error">{error}</p> : null}
      {info ? <p class="ok" role="status">{info}</p> : null}
      <div class={breach.open ? (left.overdue ? 'clock overdue' : left.hoursLeft <= 24 ? 'clock soon' : 'clock') : 'clock stopped'} data-testid="breach-clock">
        <strong data-testid="breach-clock-left">{breach.open ? left.text : t(`breachStatus_${breach.status}`)}</strong>
        <span>
          {t('breachDue')} <span data-testid="breach-due">{formatDateTimeWithZone(breach.dueAt)}</span> · {t('breachNotExtended')}
        </span>
        {clock.processorDue && processorLeft ? (
          <span data-testid="breach-processor-due">
            {t('breachProcessorDue')} {formatDateTimeWithZone(clock.processorDue)}
            {processorLeft.overdue ? ` · ${t('breachProcessorLate')}` : ''}
          </span>
        ) : null}
      </div>
      <dl class="facts">
        <dt>{t('filterStatus')}</dt>
        <dd data-testid="breach-status">{t(`breachStatus_${breach.status}`)}</dd>
        <dt>{t('breachAwareAt')}</dt>
        <dd data-testid="breach-aware">{formatDateTimeWithZone(breach.awareAt)}</dd>
        {breach.source ? (
          <>
            <dt>{t('sourceTicket')}</dt>
            <dd>
              <a href={breach.source.url} target="_blank" rel="noreferrer noopener">
                {breach.source.helpdesk} #{breach.source.ticketId}
              </a>
              {breach.source.subject ? ` — ${breach.source.subject}` : ''}
            </dd>
          </>
        ) : null}
        {breach.authority.reference ? (
          <>
            <dt>{t('breachReference')}</dt>
            <dd data-testid="breach-reference">{breach.authority.reference}</dd>
          </>
        ) : null}
      </dl>

      <Facts data={data} act={act} />
      <Decision breach={breach} act={act} />
      <Phases breach={breach} act={act} />
      <Lifecycle breach={breach} act={act} />
      <Documents breach={breach} defaultLanguage={data.letterLanguage} act={act} />

      <h3>{t('history')}</h3>
      <ol class="history" data-testid="breach-history">
        {breach.transitions.map((tr, i) => (
          <li key={i}>
            {formatDateTime(tr.at)} — {tr.from ? `${t(`breachStatus_${tr.from}`)} → ` : ''}
            {t(`breachStatus_${tr.to}`)} · {tr.actor}
            {tr.reason ? ` · ${tr.reason}` : ''}
          </li>
        ))}
        {breach.decision ? (
          <li>
            {formatDateTime(breach.decision.at)} — {breach.decision.notifyAuthority ? t('breachDecisionNotify') : t('breachDecisionNoNotify')} · {breach.decision.by} ·{' '}
            {breach.decision.reasons}
          </li>
        ) : null}
      </ol>
      <div class="row-actions">
        <button
          type="button"
          class="danger"
          onClick={() => {
            if (confirm(t('breachDeleteConfirm'))) void send('breaches.delete', { id: breach.id }).then(onClose, (e: unknown) => setError(errorText(e)));
          }}
        >
          {t('breachDelete')}
        </button>
      </div>
    </section>
  );
}

const lines = (text: string) => text.split(/[\n,;]/).map((s) => s.trim()).filter(Boolean);
const num = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** The facts, edited in one form and saved together (one audited update). */
function Facts({ data, act }: { data: Loaded; act: Act }) {
  const { breach } = data;
  const draft = () => ({ ...draftOf(breach), authorityName: breach.authority.name || data.authorityName });
  const [d, setD] = useState(draft);
  useEffect(() => setD(draft()), [breach.updatedAt]);
  const set = (patch: Partial<Draft>) => setD({ ...d, ...patch });
  const text = (key: keyof Draft, label: string, area = false) => (
    <label>
      {label}
      {area ? (
        <textarea rows={3} value={String(d[key] ?? '')} data-testid={`breach-${key}`} onInput={(e) => set({ [key]: (e.target as HTMLTextAreaElement).value } as Partial<Draft>)} />
      ) : (
        <input value={String(d[key] ?? '')} data-testid={`breach-${key}`} onInput={(e) => set({ [key]: (e.target as HTMLInputElement).value } as Partial<Draft>)} />
      )}
    </label>
  );
  const toggle = (list: string[], value: string, on: boolean) => (on ? [...new Set([...list, value])] : list.filter((v) => v !== value));

  return (
    <form
      class="card"
      aria-label={t('breachFacts')}
      data-testid="breach-facts"
      onSubmit={(e) => {
        e.preventDefault();
        void act(() => send('breaches.edit', { id: breach.id, edit: editOf(d) }), t('saved'));
      }}
    >
      <h3>{t('breachFacts')}</h3>
      {text('title', t('breachTitleField'))}
      <label>
        {t('breachAwareAt')}
        <input type="datetime-local" required value={d.awareAt} data-testid="breach-awareAt" onInput={(e) => set({ awareAt: (e.target as HTMLInputElement).value })} />
      </label>
      <fieldset>
        <legend>{t('breachOccurred')}</legend>
        <label class="chip">
          <input type="checkbox" checked={d.occurredUnknown} onChange={(e) => set({ occurredUnknown: (e.target as HTMLInputElement).checked })} />
          {t('breachOccurredUnknown')}
        </label>
        {!d.occurredUnknown ? (
          <>
            <label>
              {t('breachFrom')}
              <input type="datetime-local" value={d.occurredFrom} onInput={(e) => set({ occurredFrom: (e.target as HTMLInputElement).value })} />
            </label>
            <label>
              {t('breachUntil')}
              <input type="datetime-local" value={d.occurredUntil} onInput={(e) => set({ occurredUntil: (e.target as HTMLInputElement).value })} />
            </label>
          </>
        ) : null}
      </fieldset>
      <label>
        {t('breachReporter')}
        <Choice value={d.reporter} options={BREACH_REPORTERS.map((r) => ({ value: r, label: t(`breachReporter_${r}`) }))} onChange={(reporter) => set({ reporter })} />
      </label>
      {text('reporterName', t('breachReporterName'))}
      {text('how', t('breachHow'), true)}
      <fieldset>
        <legend>{t('breachProcessor')}</legend>
        <label>
          {t('breachProcessorName')}
          <Choice value={d.processorId} empty="—" options={data.subprocessors.map((s) => ({ value: s.id, label: s.name }))} onChange={(processorId) => set({ processorId })} />
        </label>
        <label>
          {t('breachProcessorAware')}
          <input type="datetime-local" value={d.processorAware} onInput={(e) => set({ processorAware: (e.target as HTMLInputElement).value })} />
        </label>
        <label>
          {t('breachProcessorTold')}
          <input type="datetime-local" value={d.processorTold} onInput={(e) => set({ processorTold: (e.target as HTMLInputElement).value })} />
        </label>
        <label>
          {t('breachProcessorHours')}
          <input type="number" min={1} max={720} value={d.processorHours} onInput={(e) => set({ processorHours: (e.target as HTMLInputElement).value })} />
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('breachNature')}</legend>
        {BREACH_NATURES.map((n) => (
          <label key={n} class="chip">
            <input type="checkbox" checked={d.natures.includes(n)} data-testid={`breach-nature-${n}`} onChange={(e) => set({ natures: toggle(d.natures, n, (e.target as HTMLInputElement).checked) as Draft['natures'] })} />
            {t(`breachNature_${n}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('breachKind')}
        <Choice value={d.kind} testId="breach-kind" options={BREACH_KINDS.map((k) => ({ value: k, label: t(`breachKind_${k}`) }))} onChange={(kind) => set({ kind })} />
      </label>
      {text('description', t('breachDescription'), true)}
      <fieldset>
        <legend>{t('breachAffected')}</legend>
        {text('subjectCategories', t('breachSubjectCategories'))}
        {text('subjectsApprox', t('breachSubjectsApprox'))}
        {text('recordCategories', t('breachRecordCategories'))}
        {text('recordsApprox', t('breachRecordsApprox'))}
        {text('specialCategories', t('breachSpecialCategories'))}
        <div>
          <span class="muted">{t('breachActivities')}</span>
          {data.activities.map((a) => (
            <label key={a.id} class="chip">
              <input type="checkbox" checked={d.activityIds.includes(a.id)} onChange={(e) => set({ activityIds: toggle(d.activityIds, a.id, (e.target as HTMLInputElement).checked) })} />
              {a.name}
            </label>
          ))}
        </div>
        <div>
          <span class="muted">{t('breachSubprocessors')}</span>
          {data.subprocessors.map((s) => (
            <label key={s.id} class="chip">
              <input type="checkbox" checked={d.subprocessorIds.includes(s.id)} onChange={(e) => set({ subprocessorIds: toggle(d.subprocessorIds, s.id, (e.target as HTMLInputElement).checked) })} />
              {s.name}
            </label>
          ))}
        </div>
      </fieldset>
      {text('consequences', t('breachConsequences'), true)}
      <fieldset>
        <legend>{t('breachRisk')}</legend>
        <label>
          {t('breachRiskLevel')}
          <Choice value={d.riskLevel} empty="—" testId="breach-risk" options={RISK_LEVELS.map((r) => ({ value: r, label: t(`breachRisk_${r}`) }))} onChange={(riskLevel) => set({ riskLevel })} />
        </label>
        {text('riskReasoning', t('breachRiskReasoning'), true)}
        {text('priorMeasures', t('breachPriorMeasures'), true)}
      </fieldset>
      {text('measures', t('breachMeasures'), true)}
      {text('delayReasons', t('breachDelayReasons'), true)}
      <fieldset>
        <legend>{t('breachCommunication')}</legend>
        <label>
          {t('filterStatus')}
          <Choice
            value={d.communication}
            testId="breach-communication"
            options={(['pending', 'done', 'not-needed'] as const).map((c) => ({ value: c, label: t(`breachCommunication_${c}`) }))}
            onChange={(communication) => set({ communication })}
          />
        </label>
        {d.communication === 'done' ? (
          <>
            <label>
              {t('breachCommunicatedAt')}
              <input type="datetime-local" value={d.communicatedAt} onInput={(e) => set({ communicatedAt: (e.target as HTMLInputElement).value })} />
            </label>
            {text('communicatedHow', t('breachCommunicatedHow'))}
          </>
        ) : null}
        {d.communication === 'not-needed' ? (
          <>
            <label>
              {t('breachExemptionGround')}
              <Choice value={d.exemption} options={ART34_EXEMPTIONS.map((g) => ({ value: g, label: t(`breachExemption_${g}`) }))} onChange={(exemption) => set({ exemption })} />
            </label>
            {text('exemptionExplanation', t('breachExemptionExplanation'), true)}
          </>
        ) : null}
        <label>
          {t('breachSubjectLanguage')}
          <Choice value={d.subjectLanguage} empty="—" options={UI_LANGUAGES.map((l) => ({ value: l, label: l.toUpperCase() }))} onChange={(subjectLanguage) => set({ subjectLanguage })} />
        </label>
      </fieldset>
      {text('authorityName', t('breachAuthority'))}
      {text('notes', t('notes'), true)}
      <button type="submit" class="primary" data-testid="breach-save">{t('save')}</button>
    </form>
  );
}

interface Draft {
  title: string;
  awareAt: string;
  occurredUnknown: boolean;
  occurredFrom: string;
  occurredUntil: string;
  reporter: Breach['awareness']['reporter'];
  reporterName: string;
  how: string;
  processorId: string;
  processorAware: string;
  processorTold: string;
  processorHours: string;
  natures: Breach['natures'];
  kind: Breach['kind'];
  description: string;
  subjectCategories: string;
  subjectsApprox: string;
  recordCategories: string;
  recordsApprox: string;
  specialCategories: string;
  activityIds: string[];
  subprocessorIds: string[];
  consequences: string;
  riskLevel: '' | NonNullable<Breach['risk']['level']>;
  riskReasoning: string;
  priorMeasures: string;
  measures: string;
  delayReasons: string;
  communication: Breach['communication']['status'];
  communicatedAt: string;
  communicatedHow: string;
  exemption: 'a' | 'b' | 'c';
  exemptionExplanation: string;
  subjectLanguage: '' | UiLanguage;
  authorityName: string;
  notes: string;
}

const local = (iso: string | undefined) => (iso ? toLocalInput(iso) : '');

function draftOf(b: Breach): Draft {
  const c = b.communication;
  return {
    title: b.title,
    awareAt: toLocalInput(b.awareAt),
    occurredUnknown: b.occurred.unknown,
    occurredFrom: local(b.occurred.from),
    occurredUntil: local(b.occurred.until),
    reporter: b.awareness.reporter,
    reporterName: b.awareness.reporterName ?? '',
    how: b.awareness.how,
    processorId: b.processor?.subprocessorId ?? '',
    processorAware: local(b.processor?.awareAt),
    processorTold: local(b.processor?.toldUsAt),
    processorHours: b.processor?.deadlineHours ? String(b.processor.deadlineHours) : '',
    natures: b.natures,
    kind: b.kind,
    description: b.description,
    subjectCategories: b.affected.subjectCategories.join(', '),
    subjectsApprox: b.affected.subjectsApprox === undefined ? '' : String(b.affected.subjectsApprox),
    recordCategories: b.affected.recordCategories.join(', '),
    recordsApprox: b.affected.recordsApprox === undefined ? '' : String(b.affected.recordsApprox),
    specialCategories: b.affected.specialCategories.join(', '),
    activityIds: b.affected.activityIds,
    subprocessorIds: b.affected.subprocessorIds,
    consequences: b.consequences,
    riskLevel: b.risk.level ?? '',
    riskReasoning: b.risk.reasoning,
    priorMeasures: b.risk.priorMeasures,
    measures: b.measures,
    delayReasons: b.delayReasons ?? '',
    communication: c.status,
    communicatedAt: c.status === 'done' ? toLocalInput(c.at) : toLocalInput(new Date().toISOString()),
    communicatedHow: c.status === 'done' ? c.how : '',
    exemption: c.status === 'not-needed' ? c.ground : 'a',
    exemptionExplanation: c.status === 'not-needed' ? c.explanation : '',
    subjectLanguage: b.subjectLanguage ?? '',
    authorityName: b.authority.name,
    notes: b.notes,
  };
}

/** The draft as the edit message carries it; the background validates and names any bad field. */
function editOf(d: Draft): Record<string, unknown> {
  const instant = (v: string) => (v ? fromLocalInput(v) : undefined);
  const hours = num(d.processorHours);
  return {
    title: d.title,
    awareAt: fromLocalInput(d.awareAt),
    occurred: d.occurredUnknown ? { unknown: true } : { unknown: false, from: instant(d.occurredFrom), until: instant(d.occurredUntil) },
    awareness: { how: d.how, reporter: d.reporter, ...(d.reporterName.trim() ? { reporterName: d.reporterName } : {}), ...(d.reporter === 'processor' && d.processorId ? { processorId: d.processorId } : {}) },
    processor:
      d.processorId || d.processorAware || d.processorTold || hours
        ? { subprocessorId: d.processorId || undefined, awareAt: instant(d.processorAware), toldUsAt: instant(d.processorTold), deadlineHours: hours }
        : undefined,
    natures: d.natures,
    kind: d.kind,
    description: d.description,
    affected: {
      subjectCategories: lines(d.subjectCategories),
      subjectsApprox: num(d.subjectsApprox),
      recordCategories: lines(d.recordCategories),
      recordsApprox: num(d.recordsApprox),
      specialCategories: lines(d.specialCategories),
      activityIds: d.activityIds,
      subprocessorIds: d.subprocessorIds,
    },
    consequences: d.consequences,
    risk: { level: d.riskLevel || undefined, reasoning: d.riskReasoning, priorMeasures: d.priorMeasures },
    measures: d.measures,
    delayReasons: d.delayReasons.trim() ? d.delayReasons : undefined,
    communication:
      d.communication === 'done'
        ? { status: 'done', at: fromLocalInput(d.communicatedAt), how: d.communicatedHow }
        : d.communication === 'not-needed'
          ? { status: 'not-needed', ground: d.exemption, explanation: d.exemptionExplanation }
          : { status: 'pending' },
    subjectLanguage: d.subjectLanguage || undefined,
    authority: { name: d.authorityName },
    notes: d.notes,
  };
}

function Decision({ breach, act }: { breach: Breach; act: Act }) {
  const [notify, setNotify] = useState<boolean>(breach.decision?.notifyAuthority ?? true);
  const [reasons, setReasons] = useState(breach.decision?.reasons ?? '');
  return (
    <form
      class="card"
      aria-label={t('breachDecision')}
      data-testid="breach-decision"
      onSubmit={(e) => {
        e.preventDefault();
        void act(() => send('breaches.decide', { id: breach.id, notifyAuthority: notify, reasons }), t('saved'));
      }}
    >
      <h3>{t('breachDecision')}</h3>
      <div class="status-buttons" role="radiogroup" aria-label={t('breachDecision')}>
        <label class={notify ? 'chip active' : 'chip'}>
          <input type="radio" name="notify" checked={notify} data-testid="breach-notify-yes" onChange={() => setNotify(true)} />
          {t('breachDecisionNotify')}
        </label>
        <label class={!notify ? 'chip active' : 'chip'}>
          <input type="radio" name="notify" checked={!notify} data-testid="breach-notify-no" onChange={() => setNotify(false)} />
          {t('breachDecisionNoNotify')}
        </label>
      </div>
      <label>
        {t('breachDecisionReasons')}
        <textarea rows={3} required value={reasons} data-testid="breach-decision-reasons" onInput={(e) => setReasons((e.target as HTMLTextAreaElement).value)} />
      </label>
      <button type="submit" data-testid="breach-decide">{t('breachDecide')}</button>
    </form>
  );
}

function Phases({ breach, act }: { breach: Breach; act: Act }) {
  const hasInitial = breach.authority.phases.some((p) => p.phase === 'initial');
  const [at, setAt] = useState(toLocalInput(new Date().toISOString()));
  const [channel, setChannel] = useState('');
  const [reference, setReference] = useState('');
  const [summary, setSummary] = useState('');
  if (!breach.decision?.notifyAuthority) return null;
  const phase = hasInitial ? 'follow-up' : 'initial';
  return (
    <form
      class="card"
      aria-label={t('breachPhases')}
      data-testid="breach-phases"
      onSubmit={(e) => {
        e.preventDefault();
        void act(
          () => send('breaches.phase', { id: breach.id, phase, at: fromLocalInput(at), channel, ...(reference.trim() ? { reference } : {}), summary }),
          t('saved'),
        ).then(() => (setReference(''), setSummary('')));
      }}
    >
      <h3>{t('breachPhases')}</h3>
      {breach.authority.phases.length ? (
        <ol class="history" data-testid="breach-phase-list">
          {breach.authority.phases.map((p, i) => (
            <li key={i}>
              {formatDateTime(p.at)} — {t(`breachPhase_${p.phase}`)}
              {p.channel ? ` · ${p.channel}` : ''}
              {p.reference ? ` · ${t('breachReference')} ${p.reference}` : ''}
              {p.summary ? ` · ${p.summary}` : ''}
            </li>
          ))}
        </ol>
      ) : null}
      <strong>{t(`breachPhase_${phase}`)}</strong>
      <label>
        {t('breachPhaseAt')}
        <input type="datetime-local" required value={at} onInput={(e) => setAt((e.target as HTMLInputElement).value)} />
      </label>
      <label>
        {t('breachPhaseChannel')}
        <input value={channel} onInput={(e) => setChannel((e.target as HTMLInputElement).value)} />
      </label>
      <label>
        {t('breachReference')}
        <input value={reference} data-testid="breach-phase-reference" onInput={(e) => setReference((e.target as HTMLInputElement).value)} />
      </label>
      <label>
        {t('breachPhaseSummary')}
        <textarea rows={2} value={summary} onInput={(e) => setSummary((e.target as HTMLTextAreaElement).value)} />
      </label>
      <button type="submit" data-testid="breach-phase-submit">{t('breachPhaseRecord')}</button>
    </form>
  );
}

/** Moves other than notifying (which the decision and the phases make). */
function Lifecycle({ breach, act }: { breach: Breach; act: Act }) {
  const next = BREACH_TRANSITIONS[breach.status].filter((s): s is BreachStatus => s !== 'notified' && s !== 'not-notified');
  const [reason, setReason] = useState('');
  if (next.length === 0) return null;
  return (
    <div class="card" aria-label={t('changeStatus')}>
      <h3>{t('changeStatus')}</h3>
      <label>
        {t('reason')}
        <input value={reason} onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
      </label>
      <div class="row-actions">
        {next.map((to) => (
          <button
            key={to}
            type="button"
            disabled={BREACH_NEEDS_REASON.includes(to) && !reason.trim()}
            onClick={() => void act(() => send('breaches.transition', { id: breach.id, to, ...(reason.trim() ? { reason } : {}) }))}
          >
            → {t(`breachStatus_${to}`)}
          </button>
        ))}
      </div>
    </div>
  );
}

function Documents({ breach, defaultLanguage, act }: { breach: Breach; defaultLanguage: UiLanguage; act: Act }) {
  const [language, setLanguage] = useState<UiLanguage>(defaultLanguage);
  useEffect(() => setLanguage(defaultLanguage), [defaultLanguage]);
  const generate = (kind: 'breach-notification' | 'breach-letter') =>
    act(async () => {
      const out = await send('breaches.document', { id: breach.id, kind, language });
      downloadPdf(out.document, out.pdf);
    }, t('breachDocumentDone'));
  return (
    <div class="card" aria-label={t('breachDocuments')}>
      <h3>{t('breachDocuments')}</h3>
      <label>
        {t('doc_language')}
        <Choice value={language} testId="breach-doc-language" options={UI_LANGUAGES.map((l) => ({ value: l, label: l.toUpperCase() }))} onChange={(l) => setLanguage(l as UiLanguage)} />
      </label>
      <div class="row-actions">
        <button type="button" data-testid="breach-doc-notification" onClick={() => void generate('breach-notification')}>
          {t('breachDocNotification')}
        </button>
        <button type="button" data-testid="breach-doc-letter" onClick={() => void generate('breach-letter')}>
          {t('breachDocLetter')}
        </button>
      </div>
    </div>
  );
}
