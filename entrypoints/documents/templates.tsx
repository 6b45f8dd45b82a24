// Custom templates: Legal uploads a .hbs file for a kind and a language. It is compiled and
// test-rendered with the kind's sample data in the sandboxed page before it is stored, so a template
// that does not compile or uses a field the data does not have is refused with the line and field.
import { useState } from 'preact/hooks';
import { send } from '../../lib/messaging/client';
import { MAX_TEMPLATE_CHARS, type CustomTemplateSummary, type TemplateProblem } from '../../lib/messaging/messages/documents';
import { FORM_DOCUMENT_KINDS, type DocumentKind } from '../../lib/model/document';
import { UI_LANGUAGES, type UiLanguage } from '../../lib/model/common';
import { formatDateTime, t } from '../shared/i18n';
import { readChosenFile } from '../shared/read-file';
import type { TemplateSandbox } from './sandbox';
import { LANGUAGE_NAMES, ProblemView } from './common';
import { errorText } from '../shared/error-text';

interface Props {
  templates: readonly CustomTemplateSummary[];
  sandbox: TemplateSandbox;
  onChanged(): void;
}

export function Templates({ templates, sandbox, onChanged }: Props) {
  const [kind, setKind] = useState<DocumentKind>('dpa');
  const [language, setLanguage] = useState<UiLanguage>('en');
  const [file, setFile] = useState<File | undefined>();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<TemplateProblem | undefined>();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();

  async function upload(e: Event) {
    e.preventDefault();
    setProblem(undefined);
    setMessage(undefined);
    if (!file) return setMessage({ ok: false, text: t('doc_chooseFile') });
    setBusy(true);
    try {
      const source = await readChosenFile(file, 'template');
      if (source.length > MAX_TEMPLATE_CHARS) return setMessage({ ok: false, text: t('doc_templateTooLarge') });
      const label = name.trim() || file.name;
      const { view } = await send('documents.sampleView', { kind, language });
      const tried = await sandbox.render(source, view, label);
      if (!tried.ok) return setProblem(tried.problem);
      const saved = await send('templates.save', { kind, language, name: label, source });
      setMessage({ ok: true, text: t('doc_templateAdded', [saved.name, saved.sha256.slice(0, 16)]) });
      onChanged();
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    } finally {
      setBusy(false);
    }
  }

  async function remove(template: CustomTemplateSummary) {
    if (!confirm(t('doc_confirmDeleteTemplate', template.name))) return;
    try {
      await send('templates.delete', { id: template.id });
      onChanged();
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    }
  }

  if (!sandbox.available) return <p class="muted" data-testid="no-sandbox">{t('doc_noSandbox')}</p>;
  return (
    <>
      <form onSubmit={upload} data-testid="template-form">
        <label>
          {t('doc_kind')}
          <select name="templateKind" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as DocumentKind)}>
            {FORM_DOCUMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`doc_kind_${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('doc_language')}
          <select name="templateLanguage" value={language} onChange={(e) => setLanguage((e.target as HTMLSelectElement).value as UiLanguage)}>
            {UI_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('doc_templateFile')}
          <input name="templateFile" type="file" accept=".hbs,.handlebars,text/plain" onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0])} />
        </label>
        <label>
          {t('doc_templateName')}
          <input name="templateName" value={name} placeholder={file?.name ?? ''} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
        </label>
        <p class="muted wide">{t('doc_templateHelp')}</p>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {t('doc_addTemplate')}
          </button>
          {message ? (
            <span class={message.ok ? 'ok' : 'warn'} role="status" data-testid="template-message">
              {message.text}
            </span>
          ) : null}
        </div>
        {problem ? <ProblemView problem={problem} testid="template-error" /> : null}
      </form>
      {templates.length ? (
        <table class="history" data-testid="templates">
          <thead>
            <tr>
              <th>{t('doc_templateName')}</th>
              <th>{t('doc_kind')}</th>
              <th>{t('doc_language')}</th>
              <th>SHA-256</th>
              <th>{t('doc_added')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {templates.map((tpl) => (
              <tr key={tpl.id} data-testid="template-row">
                <td>{tpl.name}</td>
                <td>{t(`doc_kind_${tpl.kind}`)}</td>
                <td>{LANGUAGE_NAMES[tpl.language]}</td>
                <td>
                  <code title={tpl.sha256}>{tpl.sha256.slice(0, 16)}…</code>
                </td>
                <td>
                  {formatDateTime(tpl.createdAt)} · {tpl.createdBy}
                </td>
                <td>
                  <button type="button" onClick={() => void remove(tpl)}>
                    {t('doc_delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">{t('doc_noTemplates')}</p>
      )}
    </>
  );
}
