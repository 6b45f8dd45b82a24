// "New document": kind, language, template, the per-document fields, the register entries and
// subprocessors to include; generates the PDF (built-in templates in the background, custom ones
// compiled in the sandbox and laid out in the background), shows page 1 and offers the download.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { send } from '../../lib/messaging/client';
import type { ResponseOf } from '../../lib/messaging/protocol';
import type { DocumentPdf, TemplateProblem } from '../../lib/messaging/messages/documents';
import { FORM_DOCUMENT_KINDS, type FormDocumentKind } from '../../lib/model/document';
import { UI_LANGUAGES, type UiLanguage } from '../../lib/model/common';
import { t } from '../shared/i18n';
import { KIND_FORMS, formToFields, visibleGroups, type FieldSpec, type FormContext, type FormState } from './form-spec';
import type { TemplateSandbox } from './sandbox';
import { downloadPdf } from './pdf';
import { LANGUAGE_NAMES, ProblemView } from './common';
import { errorText } from '../shared/error-text';

export type Sources = ResponseOf<'documents.sources'>;

function Field({ spec, form, set, ctx }: { spec: FieldSpec; form: FormState; set: (path: string, value: string) => void; ctx: FormContext }) {
  const value = form[spec.path] ?? '';
  const onInput = (e: Event) => set(spec.path, (e.target as HTMLInputElement).value);
  const label = `${t(spec.label)}${spec.required ? ' *' : ''}`;
  let control;
  if (spec.type === 'select') {
    const options = typeof spec.options === 'function' ? spec.options(ctx) : (spec.options ?? []);
    control = (
      <select name={spec.path} value={value} onChange={onInput}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.raw ? o.label : t(o.label)}
          </option>
        ))}
      </select>
    );
  } else if (spec.type === 'textarea' || spec.type === 'lines') {
    control = <textarea name={spec.path} rows={spec.type === 'lines' ? 3 : 2} value={value} onInput={onInput} />;
  } else {
    const type = spec.type === 'date' || spec.type === 'number' || spec.type === 'email' ? spec.type : 'text';
    control = (
      <input
        name={spec.path}
        type={type}
        value={value}
        onInput={onInput}
        {...(spec.type === 'country' ? { maxLength: 2, size: 3, pattern: '[A-Za-z]{2}', class: 'country' } : {})}
        {...(spec.type === 'number' ? { step: 'any' } : {})}
      />
    );
  }
  return (
    <label class={spec.wide || spec.type === 'textarea' || spec.type === 'lines' ? 'wide' : undefined}>
      {label}
      {control}
      {spec.hint ? <small class="muted">{t(spec.hint)}</small> : null}
    </label>
  );
}

function Pick({
  legend,
  items,
  picked,
  toggle,
  testid,
}: {
  legend: string;
  items: readonly { id: string; name: string; note?: string }[];
  picked: ReadonlySet<string>;
  toggle: (id: string, on: boolean) => void;
  testid: string;
}) {
  return (
    <fieldset class="pick" data-testid={testid}>
      <legend>{legend}</legend>
      {items.length === 0 ? <p class="muted wide">{t('doc_noneYet')}</p> : null}
      {items.map((item) => (
        <label key={item.id} class="check">
          <input type="checkbox" checked={picked.has(item.id)} onChange={(e) => toggle(item.id, (e.target as HTMLInputElement).checked)} />
          <span>
            {item.name}
            {item.note ? <span class="muted"> — {item.note}</span> : null}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

interface Props {
  sources: Sources;
  sandbox: TemplateSandbox;
  onGenerated(result: DocumentPdf): void;
}

export function Generate({ sources, sandbox, onGenerated }: Props) {
  const ctx: FormContext = { organisation: sources.organisation, listVersions: sources.listVersions };
  const [kind, setKind] = useState<FormDocumentKind>('dpa');
  const [language, setLanguage] = useState<UiLanguage>(sources.organisation?.defaultLanguage ?? 'en');
  const [templateId, setTemplateId] = useState('');
  const [forms, setForms] = useState<Partial<Record<FormDocumentKind, FormState>>>({});
  const [picks, setPicks] = useState<Partial<Record<FormDocumentKind, { activities: string[]; subprocessors: string[] }>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<TemplateProblem | undefined>();
  const [done, setDone] = useState<DocumentPdf | undefined>();

  const form = forms[kind] ?? KIND_FORMS[kind].defaults(ctx);
  const { pick } = KIND_FORMS[kind];
  const picked = picks[kind] ?? {
    activities: pick.activities === 'all' ? sources.activities.map((a) => a.id) : [],
    subprocessors: pick.subprocessors === 'all' ? sources.subprocessors.map((s) => s.id) : [],
  };
  const templates = useMemo(() => sources.templates.filter((tpl) => sandbox.available && tpl.kind === kind && tpl.language === language), [sources.templates, kind, language, sandbox]);
  useEffect(() => {
    if (templateId && !templates.some((tpl) => tpl.id === templateId)) setTemplateId('');
  }, [templates, templateId]);

  const set = (path: string, value: string) => setForms({ ...forms, [kind]: { ...form, [path]: value } });
  const toggle = (list: 'activities' | 'subprocessors') => (id: string, on: boolean) => {
    const current = new Set(picked[list]);
    if (on) current.add(id);
    else current.delete(id);
    setPicks({ ...picks, [kind]: { ...picked, [list]: [...current] } });
  };

  async function generate(e: Event) {
    e.preventDefault();
    setError(undefined);
    setProblem(undefined);
    setDone(undefined);
    setBusy(true);
    try {
      const fields = formToFields(kind, form, { activityIds: picked.activities, subprocessorIds: picked.subprocessors });
      let result: DocumentPdf;
      if (!templateId) {
        result = await send('documents.generate', { kind, language, fields });
      } else {
        const prepared = await send('documents.prepare', { kind, language, fields, templateId });
        const rendered = await sandbox.render(prepared.source, prepared.view, prepared.templateName);
        if (!rendered.ok) {
          setProblem(rendered.problem);
          return;
        }
        result = await send('documents.layout', { kind, language, templateId, input: prepared.input, markdown: rendered.markdown });
      }
      setDone(result);
      onGenerated(result);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const activityItems = sources.activities.map((a) => ({ id: a.id, name: a.name, note: t(`doc_role_${a.role}`) }));
  const subprocessorItems = sources.subprocessors.map((s) => ({
    id: s.id,
    name: s.name,
    note: `${s.legalEntity}, ${s.locations.join(', ')}${s.removedOn ? ` — ${t('doc_removedOn')} ${s.removedOn}` : ''}`,
  }));

  return (
    <form onSubmit={generate} aria-labelledby="h-new" data-testid="generate-form" noValidate>
      <label>
        {t('doc_kind')}
        <select name="kind" value={kind} onChange={(e) => { setKind((e.target as HTMLSelectElement).value as FormDocumentKind); setError(undefined); setProblem(undefined); }}>
          {FORM_DOCUMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`doc_kind_${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('doc_language')}
        <select name="language" value={language} onChange={(e) => setLanguage((e.target as HTMLSelectElement).value as UiLanguage)}>
          {UI_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
      <label class="wide">
        {t('doc_template')}
        <select name="templateId" value={templateId} onChange={(e) => setTemplateId((e.target as HTMLSelectElement).value)}>
          <option value="">{t('doc_builtinTemplate')}</option>
          {templates.map((tpl) => (
            <option key={tpl.id} value={tpl.id}>
              {tpl.name} ({tpl.sha256.slice(0, 12)})
            </option>
          ))}
        </select>
      </label>
      {visibleGroups(kind, form).map((group) => (
        <fieldset key={group.legend} data-group={group.legend}>
          <legend>{t(group.legend)}</legend>
          {group.fields.map((spec) => (
            <Field key={spec.path} spec={spec} form={form} set={set} ctx={ctx} />
          ))}
        </fieldset>
      ))}
      {pick.activities ? <Pick legend={t(pick.activities === 'none' ? 'doc_pickActivitiesOptional' : 'doc_pickActivities')} items={activityItems} picked={new Set(picked.activities)} toggle={toggle('activities')} testid="pick-activities" /> : null}
      {pick.subprocessors ? <Pick legend={t('doc_pickSubprocessors')} items={subprocessorItems} picked={new Set(picked.subprocessors)} toggle={toggle('subprocessors')} testid="pick-subprocessors" /> : null}
      <div class="actions">
        <button class="primary" type="submit" disabled={busy}>
          {busy ? t('doc_generating') : t('doc_generate')}
        </button>
        {done ? (
          <>
            <button type="button" data-testid="download-pdf" onClick={() => downloadPdf(done.document, done.pdf)}>
              {t('doc_downloadPdf')}
            </button>
            <span class="ok" role="status" data-testid="generated">
              {t('doc_generated', [String(done.document.pages), done.document.outputSha256.slice(0, 16)])}
            </span>
          </>
        ) : null}
      </div>
      {error ? (
        <p class="warn wide" role="alert" data-testid="generate-error">
          {error}
        </p>
      ) : null}
      {problem ? <ProblemView problem={problem} testid="generate-error" /> : null}
    </form>
  );
}
