// The generated documents, newest first. Each can be downloaded again: the background re-reads the
// kept PDF and checks it against the SHA-256 recorded when it was generated.
import { useEffect, useState } from 'preact/hooks';
import { send } from '../../lib/messaging/client';
import type { DocumentPdf } from '../../lib/messaging/messages/documents';
import type { GeneratedDocument } from '../../lib/model/document';
import { formatDateTime, t } from '../shared/i18n';
import { downloadPdf } from './pdf';
import { LANGUAGE_NAMES } from './common';
import { errorText } from '../shared/error-text';

type Check = { ok: true } | { ok: false; text: string };

export function History({ version, onShow }: { version: number; onShow(result: DocumentPdf): void }) {
  const [documents, setDocuments] = useState<GeneratedDocument[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [checks, setChecks] = useState<Record<string, Check>>({});
  useEffect(() => {
    send('documents.history', {}).then(
      (r) => setDocuments(r.documents),
      (e: unknown) => setError(errorText(e)),
    );
  }, [version]);

  async function again(document: GeneratedDocument) {
    try {
      const kept = await send('documents.download', { id: document.id });
      if (kept.verified) {
        setChecks((c) => ({ ...c, [document.id]: { ok: true } }));
        downloadPdf(kept.document, kept.pdf);
        if (kept.preview) onShow({ document: kept.document, pdf: kept.pdf, preview: kept.preview });
      } else {
        setChecks((c) => ({ ...c, [document.id]: { ok: false, text: t('doc_hashMismatch', [document.outputSha256.slice(0, 16), kept.actualSha256.slice(0, 16)]) } }));
      }
    } catch (e) {
      setChecks((c) => ({ ...c, [document.id]: { ok: false, text: errorText(e) } }));
    }
  }

  if (error) return <p class="warn" role="alert">{error}</p>;
  if (!documents) return <p class="muted">{t('doc_loading')}</p>;
  if (documents.length === 0) return <p class="muted" data-testid="history-empty">{t('doc_historyEmpty')}</p>;
  return (
    <table class="history" data-testid="history">
      <thead>
        <tr>
          <th>{t('doc_when')}</th>
          <th>{t('doc_kind')}</th>
          <th>{t('doc_titleColumn')}</th>
          <th>{t('doc_pages')}</th>
          <th>{t('doc_templateColumn')}</th>
          <th>SHA-256</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {documents.map((d) => {
          const check = checks[d.id];
          return (
            <tr key={d.id} data-testid="history-row" data-kind={d.kind} data-language={d.language}>
              <td>{formatDateTime(d.createdAt)}</td>
              <td>
                {t(`doc_kind_${d.kind}`)} · {LANGUAGE_NAMES[d.language]}
              </td>
              <td>{d.title}</td>
              <td>{d.pages}</td>
              <td>
                {d.templateId.startsWith('builtin:') ? `${t('doc_builtinTemplate')} ` : null}
                <code>{d.templateVersion}</code>
              </td>
              <td>
                <code title={`input ${d.inputSha256}\noutput ${d.outputSha256}`}>{d.outputSha256.slice(0, 16)}…</code>
              </td>
              <td>
                <button type="button" onClick={() => void again(d)}>
                  {t('doc_downloadAgain')}
                </button>
                {check ? (
                  <div class={check.ok ? 'ok' : 'warn'} role="status" data-testid="hash-check">
                    {check.ok ? t('doc_hashVerified') : check.text}
                  </div>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
