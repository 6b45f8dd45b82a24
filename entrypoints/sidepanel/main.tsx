// The DPO's workspace: one tab per view (queue, register, consent…), the audit status at the foot.
// First: the test flavour's clock must be in place before any module reads the time.
import '../shared/test-clock';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { send } from '../../lib/messaging/client';
import { z } from 'zod';
import { t } from '../shared/i18n';
import { VIEWS } from './views/index';
import { AuditStatus } from './views/audit';
import { TeamStatus } from './views/team';

z.config({ jitless: true });

function App() {
  const initial = new URLSearchParams(location.search).get('view') ?? VIEWS[0]!.id;
  const [active, setActive] = useState(VIEWS.some((v) => v.id === initial) ? initial : VIEWS[0]!.id);
  const view = VIEWS.find((v) => v.id === active)!;
  const View = view.component;
  const [locked, setLocked] = useState(false);
  useEffect(() => {
    const check = () => void send('trust.status', {}).then((s) => setLocked(s.state === 'locked'), () => undefined);
    check();
    const timer = setInterval(check, 3000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div class="app">
      <header class="top">
        <nav class="tabs" role="tablist" aria-label="Privacy Desk">
          {VIEWS.map((v) => (
            <button key={v.id} role="tab" id={`tab-${v.id}`} aria-selected={v.id === active} aria-controls="panel" class={v.id === active ? 'tab active' : 'tab'} onClick={() => setActive(v.id)}>
              {t(v.label)}
            </button>
          ))}
        </nav>
        <span class="links">
          <a href="/documents.html" target="_blank" aria-label={t('doc_openDocuments')} title={t('doc_openDocuments')} data-testid="open-documents">
            {t('doc_pageTitle')}
          </a>{' '}
          <a href="/options.html" target="_blank" aria-label={t('optionsTitle')}>⚙</a>
        </span>
      </header>
      {/* The landmark and the tab panel are separate elements: role=tabpanel on <main> would hide the landmark. */}
      <main class="main">
        <div id="panel" role="tabpanel" aria-labelledby={`tab-${active}`} class="panel">
          {locked ? (
            <div class="locked" role="status" data-testid="panel-locked">
              <p>🔒 {t('panelLocked')}</p>
              <a href="/options.html#security" target="_blank">
                {t('panelUnlock')}
              </a>
            </div>
          ) : (
            <View />
          )}
        </div>
      </main>
      <TeamStatus />
      <AuditStatus />
    </div>
  );
}

document.documentElement.lang = navigator.language.slice(0, 2);
render(<App />, document.getElementById('root')!);
