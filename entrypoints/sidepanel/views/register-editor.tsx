// The editor of one entry of the record of processing activities: every Art. 30(1) item, the Art. 30(2)
// processor variant, the Art. 6(1) basis and Art. 9 conditions, with the completeness check live above
// the form (each missing item focuses its field).
import { useMemo, useState } from 'preact/hooks';
import { LEGAL_BASIS_ARTICLE, LegalBasis, TransferSafeguard, Art9Condition, type ProcessingActivity } from '../../../lib/model/activity';
import { send } from '../../../lib/messaging/client';
import { checkCompleteness, type Missing } from '../../../lib/register/completeness';
import type { ActivityFieldsInput } from '../../../lib/register/schema';
import { isSpecialCategory, labelOf, type CustomVocabularyEntry, type VocabularyKind } from '../../../lib/register/vocabulary';
import { t, uiLanguage } from '../../shared/i18n';
import { ListEditor, VocabularyPicker } from './register-shared';
import { errorText } from '../../shared/error-text';

type Condition = (typeof Art9Condition.options)[number];
interface TransferDraft {
  country: string;
  recipient: string;
  safeguard: TransferSafeguard;
  sccModule: string;
  documentation: string;
}
interface Draft {
  name: string;
  role: 'controller' | 'processor';
  controller: { entity: string; name: string; email: string; phone: string };
  jointControllers: string[];
  representative: string;
  dpo: string;
  purposes: string[];
  legalBasis: LegalBasis | '';
  legitimateInterest: string;
  dataSubjectCategories: string[];
  personalDataCategories: string[];
  /** category → Art. 9(2) condition ('' = not chosen yet) */
  conditions: Record<string, Condition | ''>;
  recipients: string[];
  transfers: TransferDraft[];
  retention: string;
  retentionDays: string;
  securityMeasures: string;
  processingOnBehalf: { controller: string; categories: string[] }[];
  systems: string[];
  subprocessorIds: string[];
  dpiaRequired: boolean;
}

function toDraft(a?: ProcessingActivity): Draft {
  return {
    name: a?.name ?? '',
    role: a?.role ?? 'controller',
    controller: { entity: a?.controller?.entity ?? '', name: a?.controller?.name ?? '', email: a?.controller?.email ?? '', phone: a?.controller?.phone ?? '' },
    jointControllers: a?.jointControllers ?? [],
    representative: a?.representative ?? '',
    dpo: a?.dpo ?? '',
    purposes: a?.purposes ?? [],
    legalBasis: a?.legalBasis ?? '',
    legitimateInterest: a?.legitimateInterest ?? '',
    dataSubjectCategories: a?.dataSubjectCategories ?? [],
    personalDataCategories: a?.personalDataCategories ?? [],
    conditions: Object.fromEntries((a?.specialCategories ?? []).map((s) => [s.category, s.condition])),
    recipients: a?.recipients ?? [],
    transfers: (a?.transfers ?? []).map((tr) => ({ ...tr, sccModule: tr.sccModule ? String(tr.sccModule) : '' })),
    retention: a?.retention ?? '',
    retentionDays: a?.retentionDays ? String(a.retentionDays) : '',
    securityMeasures: a?.securityMeasures ?? '',
    processingOnBehalf: a?.processingOnBehalf ?? [],
    systems: a?.systems ?? [],
    subprocessorIds: a?.subprocessorIds ?? [],
    dpiaRequired: a?.dpiaRequired ?? false,
  };
}

const opt = <K extends string>(key: K, value: string) => (value.trim() ? { [key]: value.trim() } : {}) as Partial<Record<K, string>>;

/** The draft as the activity the background validates; empty optional fields are left out. */
function fromDraft(d: Draft): ActivityFieldsInput {
  const c = d.controller;
  const hasController = [c.entity, c.name, c.email, c.phone].some((v) => v.trim());
  return {
    name: d.name,
    role: d.role,
    ...(hasController ? { controller: { entity: c.entity, name: c.name, email: c.email, ...opt('phone', c.phone) } } : {}),
    jointControllers: d.jointControllers,
    ...opt('representative', d.representative),
    ...opt('dpo', d.dpo),
    purposes: d.purposes,
    ...(d.legalBasis ? { legalBasis: d.legalBasis } : {}),
    ...(d.legalBasis === 'legitimate-interests' ? opt('legitimateInterest', d.legitimateInterest) : {}),
    dataSubjectCategories: d.dataSubjectCategories,
    personalDataCategories: d.personalDataCategories,
    specialCategories: Object.entries(d.conditions).flatMap(([category, condition]) => (condition ? [{ category, condition }] : [])),
    recipients: d.recipients,
    transfers: d.transfers.map((tr) => ({
      country: tr.country.trim().toUpperCase(),
      recipient: tr.recipient,
      safeguard: tr.safeguard,
      ...(tr.safeguard === 'scc' && tr.sccModule ? { sccModule: Number(tr.sccModule) as 1 } : {}),
      documentation: tr.documentation,
    })),
    retention: d.retention,
    ...(d.retentionDays.trim() ? { retentionDays: Number(d.retentionDays) } : {}),
    securityMeasures: d.securityMeasures,
    processingOnBehalf: d.role === 'processor' ? d.processingOnBehalf : [],
    systems: d.systems,
    subprocessorIds: d.subprocessorIds,
    dpiaRequired: d.dpiaRequired,
  };
}

interface Props {
  activity?: ProcessingActivity;
  custom: readonly CustomVocabularyEntry[];
  organisationProfile: boolean;
  onSaved(activity: ProcessingActivity): void;
  onClose(): void;
  onVocabularyAdded(entry: CustomVocabularyEntry): void;
}

export function ActivityEditor({ activity, custom, organisationProfile, onSaved, onClose, onVocabularyAdded }: Props) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(activity));
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const lang = uiLanguage();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const text = (key: 'name' | 'representative' | 'dpo' | 'legitimateInterest' | 'retention' | 'retentionDays' | 'securityMeasures') => ({
    id: `f-${key}`,
    value: draft[key],
    onInput: (e: Event) => set(key, (e.target as HTMLInputElement).value),
  });

  const input = useMemo(() => fromDraft(draft), [draft]);
  // The check runs on the draft as typed, so it reads the same as after saving.
  const check = useMemo(() => checkCompleteness(input as Parameters<typeof checkCompleteness>[0], { organisationProfile, custom }), [input, organisationProfile, custom]);

  const addCustom = (kind: VocabularyKind) => async (label: string) => {
    try {
      const entry = await send('register.addVocabulary', { kind, label });
      onVocabularyAdded(entry);
      return entry.key;
    } catch (e) {
      setError(errorText(e));
      return undefined;
    }
  };

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onSaved(await send('register.save', { ...(activity ? { id: activity.id } : {}), activity: input }));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!activity || !confirm(t('regDeleteConfirm', activity.name))) return;
    try {
      await send('register.delete', { id: activity.id });
      onClose();
    } catch (err) {
      setError(errorText(err));
    }
  }

  const specialRows = [...new Set([...draft.personalDataCategories.filter((c) => isSpecialCategory(c, custom)), ...Object.keys(draft.conditions)])];
  const setPersonalData = (next: string[]) =>
    setDraft((d) => ({ ...d, personalDataCategories: next, conditions: Object.fromEntries(Object.entries(d.conditions).filter(([k]) => next.includes(k) || !isSpecialCategory(k, custom))) }));
  const setTransfer = (i: number, patch: Partial<TransferDraft>) => set('transfers', draft.transfers.map((tr, j) => (j === i ? { ...tr, ...patch } : tr)));
  const controllerField = (key: keyof Draft['controller'], label: string, type = 'text') => (
    <label class="reg-field">
      <span>{label}</span>
      <input id={`f-controller-${key}`} type={type} value={draft.controller[key]} onInput={(e) => set('controller', { ...draft.controller, [key]: (e.target as HTMLInputElement).value })} />
    </label>
  );

  return (
    <form class="reg-form" onSubmit={save} aria-labelledby="reg-editor-title" data-testid="activity-editor" noValidate>
      <div class="reg-bar">
        <button type="button" onClick={onClose} aria-label={t('back')}>←</button>
        <h2 id="reg-editor-title">{activity ? activity.name : t('regNewActivity')}</h2>
      </div>
      <MissingList check={check.missing} custom={custom} />
      {error ? <p class="warn reg-problems" role="alert" data-testid="editor-error">{error}</p> : null}

      <fieldset>
        <legend>{t('regGeneral')}</legend>
        <label class="reg-field wide">
          <span>{t('regName')}</span>
          <input {...text('name')} required maxLength={500} />
        </label>
        <div class="reg-field">
          <span>{t('regRole')}</span>
          <div class="reg-add" role="radiogroup" aria-label={t('regRole')}>
            {(['controller', 'processor'] as const).map((role) => (
              <label key={role} class={`chip ${draft.role === role ? 'active' : ''}`}>
                <input type="radio" name="role" value={role} checked={draft.role === role} onChange={() => set('role', role)} />
                {t(role === 'controller' ? 'roleController' : 'roleProcessor')}
              </label>
            ))}
          </div>
        </div>
        <label class="reg-check">
          <input type="checkbox" checked={draft.dpiaRequired} onChange={(e) => set('dpiaRequired', (e.target as HTMLInputElement).checked)} />
          <span>{t('regDpiaRequired')}</span>
        </label>
      </fieldset>

      <fieldset>
        <legend>
          {draft.role === 'controller' ? t('regParties') : t('regPartiesProcessor')}
          <span class="art">{draft.role === 'controller' ? 'Art. 30(1)(a)' : 'Art. 30(2)(a)'}</span>
        </legend>
        {draft.role === 'controller' ? (
          <>
            <p class="muted wide">{organisationProfile ? t('regControllerDefault') : t('regControllerNeeded')}</p>
            {controllerField('entity', t('regControllerEntity'))}
            {controllerField('name', t('regControllerContact'))}
            {controllerField('email', t('email'), 'email')}
            {controllerField('phone', t('regPhone'), 'tel')}
            <ListEditor id="f-jointControllers" label={t('regJointControllers')} values={draft.jointControllers} onChange={(v) => set('jointControllers', v)} />
          </>
        ) : (
          <p class="muted wide">{organisationProfile ? t('regProcessorIsOrganisation') : t('regProcessorNeeded')}</p>
        )}
        <label class="reg-field">
          <span>{t('regRepresentative')}</span>
          <input {...text('representative')} />
        </label>
        <label class="reg-field">
          <span>{t('regDpo')}</span>
          <input {...text('dpo')} />
        </label>
      </fieldset>

      {draft.role === 'processor' ? (
        <fieldset>
          <legend>
            {t('regOnBehalf')}
            <span class="art">Art. 30(2)(a)–(b)</span>
          </legend>
          <div class="reg-rows wide" id="f-processingOnBehalf">
            {draft.processingOnBehalf.map((p, i) => (
              <div class="reg-row" key={i}>
                <label class="reg-field">
                  <span>{t('regOnBehalfController')}</span>
                  <input
                    value={p.controller}
                    onInput={(e) => set('processingOnBehalf', draft.processingOnBehalf.map((q, j) => (j === i ? { ...q, controller: (e.target as HTMLInputElement).value } : q)))}
                  />
                </label>
                <ListEditor
                  id={`f-processingOnBehalf-${i}`}
                  label={t('regOnBehalfCategories')}
                  values={p.categories}
                  onChange={(v) => set('processingOnBehalf', draft.processingOnBehalf.map((q, j) => (j === i ? { ...q, categories: v } : q)))}
                />
                <button type="button" class="link" onClick={() => set('processingOnBehalf', draft.processingOnBehalf.filter((_, j) => j !== i))}>{t('regRemoveRow')}</button>
              </div>
            ))}
            <div>
              <button type="button" onClick={() => set('processingOnBehalf', [...draft.processingOnBehalf, { controller: '', categories: [] }])}>{t('regAddController')}</button>
            </div>
          </div>
        </fieldset>
      ) : null}

      <fieldset>
        <legend>
          {t('regPurposesAndBasis')}
          <span class="art">Art. 30(1)(b), Art. 6(1)</span>
        </legend>
        <div class="wide">
          <VocabularyPicker id="f-purposes" label={t('regPurposes')} kind="purposes" values={draft.purposes} custom={custom} onChange={(v) => set('purposes', v)} onAddCustom={addCustom('purposes')} />
        </div>
        <label class="reg-field wide">
          <span>{t('regLegalBasis')}</span>
          <select id="f-legalBasis" value={draft.legalBasis} onChange={(e) => set('legalBasis', (e.target as HTMLSelectElement).value as LegalBasis | '')}>
            <option value="">{t('regChoose')}</option>
            {LegalBasis.options.map((b) => (
              <option key={b} value={b}>
                {LEGAL_BASIS_ARTICLE[b]} — {t(`legalBasis_${b}`)}
              </option>
            ))}
          </select>
        </label>
        {draft.legalBasis === 'legitimate-interests' ? (
          <label class="reg-field wide">
            <span>{t('regLegitimateInterest')}</span>
            <textarea {...text('legitimateInterest')} rows={2} />
          </label>
        ) : null}
      </fieldset>

      <fieldset>
        <legend>
          {t('regCategories')}
          <span class="art">Art. 30(1)(c), Art. 9</span>
        </legend>
        <VocabularyPicker
          id="f-dataSubjectCategories"
          label={t('regDataSubjects')}
          kind="dataSubjects"
          values={draft.dataSubjectCategories}
          custom={custom}
          onChange={(v) => set('dataSubjectCategories', v)}
          onAddCustom={addCustom('dataSubjects')}
        />
        <VocabularyPicker
          id="f-personalDataCategories"
          label={t('regPersonalData')}
          kind="personalData"
          values={draft.personalDataCategories}
          custom={custom}
          onChange={setPersonalData}
          onAddCustom={addCustom('personalData')}
        />
        {specialRows.length ? (
          <div class="reg-rows wide" id="f-specialCategories">
            {specialRows.map((category) => (
              <label class="reg-field" key={category}>
                <span>{t('regArt9Condition', labelOf('personalData', category, lang, custom))}</span>
                <select value={draft.conditions[category] ?? ''} onChange={(e) => set('conditions', { ...draft.conditions, [category]: (e.target as HTMLSelectElement).value as Condition | '' })}>
                  <option value="">{t('regChoose')}</option>
                  {Art9Condition.options.map((c) => (
                    <option key={c} value={c}>
                      Art. 9(2)({c}) — {t(`art9_${c}`)}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
        ) : null}
      </fieldset>

      <fieldset>
        <legend>
          {t('regRecipientsAndTransfers')}
          <span class="art">Art. 30(1)(d)–(e)</span>
        </legend>
        <div class="wide">
          <ListEditor id="f-recipients" label={t('regRecipients')} values={draft.recipients} onChange={(v) => set('recipients', v)} placeholder={t('regRecipientsHint')} />
        </div>
        <div class="reg-rows wide" id="f-transfers">
          <span class="muted">{t('regTransfers')}</span>
          {draft.transfers.map((tr, i) => (
            <div class="reg-row" key={i} data-testid="transfer-row">
              <label class="reg-field">
                <span>{t('regCountry')}</span>
                <input value={tr.country} maxLength={2} placeholder="US" onInput={(e) => setTransfer(i, { country: (e.target as HTMLInputElement).value.toUpperCase() })} />
              </label>
              <label class="reg-field">
                <span>{t('regTransferRecipient')}</span>
                <input value={tr.recipient} onInput={(e) => setTransfer(i, { recipient: (e.target as HTMLInputElement).value })} />
              </label>
              <label class="reg-field">
                <span>{t('regSafeguard')}</span>
                <select id={`f-transfers-${i}-safeguard`} value={tr.safeguard} onChange={(e) => setTransfer(i, { safeguard: (e.target as HTMLSelectElement).value as TransferSafeguard })}>
                  {TransferSafeguard.options.map((s) => (
                    <option key={s} value={s}>{t(`safeguard_${s}`)}</option>
                  ))}
                </select>
              </label>
              {tr.safeguard === 'scc' ? (
                <label class="reg-field">
                  <span>{t('regSccModule')}</span>
                  <select value={tr.sccModule} onChange={(e) => setTransfer(i, { sccModule: (e.target as HTMLSelectElement).value })}>
                    <option value="">{t('regChoose')}</option>
                    {(['1', '2', '3', '4'] as const).map((m) => (
                      <option key={m} value={m}>{t(`sccModule_${m}`)}</option>
                    ))}
                  </select>
                </label>
              ) : null}
              <label class="reg-field wide">
                <span>{t('regTransferDocumentation')}</span>
                <textarea rows={2} value={tr.documentation} onInput={(e) => setTransfer(i, { documentation: (e.target as HTMLTextAreaElement).value })} />
              </label>
              <button type="button" class="link" onClick={() => set('transfers', draft.transfers.filter((_, j) => j !== i))}>{t('regRemoveRow')}</button>
            </div>
          ))}
          <div>
            <button type="button" onClick={() => set('transfers', [...draft.transfers, { country: '', recipient: '', safeguard: 'scc', sccModule: '', documentation: '' }])}>
              {t('regAddTransfer')}
            </button>
          </div>
        </div>
      </fieldset>

      <fieldset>
        <legend>
          {t('regRetentionAndSecurity')}
          <span class="art">Art. 30(1)(f)–(g)</span>
        </legend>
        <label class="reg-field wide">
          <span>{t('regRetention')}</span>
          <textarea {...text('retention')} rows={2} />
        </label>
        <label class="reg-field">
          <span>{t('regRetentionDays')}</span>
          <input {...text('retentionDays')} type="number" min={1} max={36500} />
        </label>
        <label class="reg-field wide">
          <span>{t('regSecurity')}</span>
          <textarea {...text('securityMeasures')} rows={4} />
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('regSystems')}</legend>
        <ListEditor id="f-systems" label={t('regSystemsList')} values={draft.systems} onChange={(v) => set('systems', v)} />
        <ListEditor id="f-subprocessorIds" label={t('regSubprocessors')} values={draft.subprocessorIds} onChange={(v) => set('subprocessorIds', v)} />
      </fieldset>

      <div class="reg-actions">
        <button type="submit" class="primary" disabled={busy}>{t('save')}</button>
        <button type="button" onClick={onClose}>{t('regCancel')}</button>
        {activity ? (
          <button type="button" class="danger" onClick={() => void remove()}>{t('regDelete')}</button>
        ) : null}
      </div>
    </form>
  );
}

/** The missing Art. 30 items; each one focuses the field to fill. */
export function MissingList({ check, custom }: { check: Missing[]; custom: readonly CustomVocabularyEntry[] }) {
  if (check.length === 0) return <p class="reg-complete" data-testid="completeness">{t('regComplete')}</p>;
  const focus = (m: Missing) => {
    const [head, index, part] = m.field.split('.');
    const el =
      document.getElementById(`f-${m.field.replace(/\./g, '-')}`) ??
      document.getElementById(`f-${head}${index !== undefined && part === undefined ? `-${index}` : ''}`) ??
      document.getElementById(`f-${head}`) ??
      document.getElementById(`f-controller-entity`);
    el?.scrollIntoView({ block: 'center' });
    const target = el?.matches('input, select, textarea') ? el : el?.querySelector('input, select, textarea');
    if (target instanceof HTMLElement) target.focus();
  };
  return (
    <div class="reg-missing" role="status" data-testid="completeness">
      <strong>{t('regMissingTitle', String(check.length))}</strong>
      <ul>
        {check.map((m, i) => (
          <li key={i}>
            <button type="button" class="link" onClick={() => focus(m)}>
              {missingLabel(m, custom)}
            </button>{' '}
            <span class="muted">{m.article}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function missingLabel(m: Missing, custom: readonly CustomVocabularyEntry[]): string {
  const about = m.item === 'specialCategoryCondition' && m.about ? labelOf('personalData', m.about, uiLanguage(), custom) : m.about;
  return about ? `${t(`missing_${m.item}`)}: ${about}` : t(`missing_${m.item}`);
}
