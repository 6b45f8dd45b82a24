// The documents page (Legal's workspace, opened in a tab): generate DPAs, subprocessor lists, change
// notices, response letters and register reports as PDF; page 1 previewed; the history of generated
// documents with their hashes checked on download; custom templates; the subprocessor list.
// First: the test flavour's clock must be in place before any module reads the time.
import '../shared/test-clock';
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { z } from 'zod';
import { send } from '../../lib/messaging/client';
import type { DocumentPdf } from '../../lib/messaging/messages/documents';
import { t } from '../shared/i18n';
import { Generate, type Sources } from './generate';
import { History } from './history';
import { Templates } from './templates';
import { Subprocessors } from './subprocessors';
import { TemplateSandbox } from './sandbox';
import { drawPage } from './preview';
import { downloadPdf } from './pdf';
import { errorText } from '../shared/error-text';

z.config({ jitless: true });

const PREVIEW_WIDTH = 420;

function Preview({ shown }: { shown: DocumentPdf | undefined }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    setDrawn(false);
    if (!shown || !canvas.current) return;
    void drawPage(canvas.current, shown.preview, PREVIEW_WIDTH).then(() => setDrawn(true));
  }, [shown]);
  return (
    <aside class="preview" aria-labelledby="h-preview">
      <h2 id="h-preview">{t('doc_preview')}</h2>
      {shown ? (
        <>
          <p class="muted" data-testid="preview-caption">
            {shown.document.title} · {t('doc_pageOf', String(shown.document.pages))}
          </p>
          <canvas ref={canvas} data-testid="preview" data-drawn={drawn ? 'yes' : 'no'} role="img" aria-label={t('doc_previewLabel', shown.document.title)} />
          <div class="actions">
            <button type="button" onClick={() => downloadPdf(shown.document, shown.pdf)}>
              {t('doc_downloadPdf')}
            </button>
          </div>
        </>
      ) : (
        <p class="muted">{t('doc_previewEmpty')}</p>
      )}
    </aside>
  );
}

function App() {
  const [sources, setSources] = useState<Sources | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [shown, setShown] = useState<DocumentPdf | undefined>();
  const [historyVersion, setHistoryVersion] = useState(0);
  const sandbox = useRef<TemplateSandbox>();
  sandbox.current ??= new TemplateSandbox();
  const reload = () =>
    send('documents.sources', {}).then(
      (s) => setSources(s),
      (e: unknown) => setError(errorText(e)),
    );
  useEffect(() => void reload(), []);

  return (
    <div class="documents">
      <header class="top">
        <h1>{t('doc_pageTitle')}</h1>
        <a href="/options.html" target="_blank">
          {t('optionsTitle')}
        </a>
      </header>
      {error ? <p class="warn" role="alert">{error}</p> : null}
      {!sources ? (
        <p class="muted">{t('doc_loading')}</p>
      ) : (
        <>
          {!sources.organisation ? (
            <p class="warn notice" role="alert" data-testid="no-organisation">
              {t('doc_noOrganisation')} <a href="/options.html" target="_blank">{t('optionsTitle')}</a>
            </p>
          ) : null}
          <div class="columns">
            <section aria-labelledby="h-new" class="new">
              <h2 id="h-new">{t('doc_new')}</h2>
              <Generate
                sources={sources}
                sandbox={sandbox.current}
                onGenerated={(result) => {
                  setShown(result);
                  setHistoryVersion((v) => v + 1);
                  void reload();
                }}
              />
            </section>
            <Preview shown={shown} />
          </div>
          <section aria-labelledby="h-history">
            <h2 id="h-history">{t('doc_history')}</h2>
            <History version={historyVersion} onShow={setShown} />
          </section>
          <section aria-labelledby="h-templates">
            <h2 id="h-templates">{t('doc_templates')}</h2>
            <Templates templates={sources.templates} sandbox={sandbox.current} onChanged={() => void reload()} />
          </section>
          <section aria-labelledby="h-subprocessors">
            <h2 id="h-subprocessors">{t('doc_subprocessors')}</h2>
            <Subprocessors subprocessors={sources.subprocessors} onChanged={() => void reload()} />
          </section>
        </>
      )}
    </div>
  );
}

document.documentElement.lang = navigator.language.slice(0, 2);
render(<App />, document.getElementById('root')!);
