// Options: the organisation profile (what documents and deadlines are built from) and the user's name.
// First: the test flavour's clock must be in place before any module reads the time.
import '../shared/test-clock';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { z } from 'zod';
import { send } from '../../lib/messaging/client';
import { t } from '../shared/i18n';
import { OrganisationForm } from '../shared/organisation-form';
import { SECTIONS } from './sections/index';
import { ManagedNotice } from './sections/managed-notice';

z.config({ jitless: true });

function PersonalSettings() {
  const [name, setName] = useState('');
  useEffect(() => void send('settings.get', {}).then((s) => setName(s.actorName)), []);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void send('settings.save', { actorName: name });
      }}
    >
      <label class="wide">
        {t('yourName')}
        <input value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
      </label>
      <div class="actions"><button type="submit">{t('save')}</button></div>
    </form>
  );
}

function App() {
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <ManagedNotice />
      <section aria-labelledby="h-org">
        <h2 id="h-org">{t('orgProfile')}</h2>
        <OrganisationForm />
      </section>
      <section aria-labelledby="h-me">
        <h2 id="h-me">{t('yourName')}</h2>
        <PersonalSettings />
      </section>
      {SECTIONS.map(({ id, title, component: Section }) => (
        <section key={id} aria-labelledby={`h-${id}`} data-section={id}>
          <h2 id={`h-${id}`}>{t(title)}</h2>
          <Section />
        </section>
      ))}
    </main>
  );
}

document.documentElement.lang = navigator.language.slice(0, 2);
render(<App />, document.getElementById('root')!);
