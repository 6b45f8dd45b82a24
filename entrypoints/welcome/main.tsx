// First-run page, opened by the background after installation: organisation profile → first helpdesk
// origin → done. Each step can be skipped; everything here can be changed later in the options page.
// First: the test flavour's clock must be in place before any module reads the time.
import '../shared/test-clock';
import browser from 'webextension-polyfill';
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { z } from 'zod';
import { t, uiLanguage } from '../shared/i18n';
import { OrganisationForm, useManaged } from '../shared/organisation-form';
import { isGranted, OriginGrant, parseOrigin, useGrantedOrigins } from '../shared/origin-access';

z.config({ jitless: true });

const STEPS = ['welcomeStepOrganisation', 'welcomeStepHelpdesk', 'welcomeStepDone'] as const;

function App() {
  const [step, setStep] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  // A keyboard or screen-reader user lands on the new step's heading, not back at the top of the page.
  useEffect(() => {
    if (first.current) first.current = false;
    else heading.current?.focus();
  }, [step]);
  const next = () => setStep((s) => Math.min(s + 1, STEPS.length - 1));

  return (
    <main>
      <h1>{t('welcomeTitle')}</h1>
      <p class="muted">{t('welcomeIntro')}</p>
      <ol class="steps" aria-label={t('welcomeProgress')}>
        {STEPS.map((key, i) => (
          <li key={key} aria-current={i === step ? 'step' : undefined} class={i < step ? 'done' : ''}>
            {t(key)}
          </li>
        ))}
      </ol>
      <section class="step" aria-labelledby="step-title" data-testid={`welcome-step-${step + 1}`}>
        <h2 id="step-title" tabIndex={-1} ref={heading}>
          {t(STEPS[step]!)}
        </h2>
        {step === 0 ? <OrganisationStep onDone={next} /> : step === 1 ? <HelpdeskStep onDone={next} /> : <DoneStep />}
      </section>
    </main>
  );
}

function OrganisationStep({ onDone }: { onDone(): void }) {
  return (
    <>
      <p>{t('welcomeOrganisationHint')}</p>
      <OrganisationForm onSaved={onDone} />
      <div class="nav">
        <button type="button" onClick={onDone}>
          {t('welcomeSkip')}
        </button>
      </div>
    </>
  );
}

function HelpdeskStep({ onDone }: { onDone(): void }) {
  const managed = useManaged();
  const [granted, reload] = useGrantedOrigins();
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [asked, setAsked] = useState<string[]>([]);
  // The policy's helpdesks, those asked for here, and those already allowed (once each, by host).
  const listed = [...(managed?.helpdeskOrigins ?? []), ...asked, ...granted].filter((o, i, all) => all.findIndex((x) => isGranted([x], o)) === i);

  return (
    <>
      <p>{t('welcomeHelpdeskHint')}</p>
      <form
        class="inline-form"
        onSubmit={async (e) => {
          e.preventDefault();
          const origin = parseOrigin(input);
          if (!origin) return setError(t('welcomeOriginInvalid'));
          setError(undefined);
          setAsked((a) => [...a, origin]);
          // Must run inside the submit's user gesture: no await before it.
          const ok = await browser.permissions.request({ origins: [`${origin}/*`] });
          if (!ok) setError(t('originRefused'));
          else setInput('');
          reload();
        }}
      >
        <label class="wide">
          {t('welcomeOriginLabel')}
          <input type="text" inputMode="url" placeholder="https://support.example.com" value={input} aria-invalid={error ? true : undefined} aria-describedby={error ? 'origin-error' : undefined} onInput={(e) => setInput((e.target as HTMLInputElement).value)} />
        </label>
        <div class="actions">
          <button class="primary" type="submit">
            {t('originAllow')}
          </button>
          {error ? (
            <span class="warn" id="origin-error" role="alert">
              {error}
            </span>
          ) : null}
        </div>
      </form>
      {listed.length ? (
        <ul class="origins" data-testid="welcome-origins">
          {listed.map((o) => (
            <OriginGrant key={o} origin={o} granted={isGranted(granted, o)} onChange={reload} />
          ))}
        </ul>
      ) : null}
      <div class="nav">
        <button type="button" class={granted.length ? 'primary' : ''} onClick={onDone}>
          {granted.length ? t('welcomeNext') : t('welcomeSkip')}
        </button>
      </div>
    </>
  );
}

function DoneStep() {
  const [shortcuts, setShortcuts] = useState<{ name: string; shortcut: string }[]>([]);
  useEffect(() => {
    void browser.commands.getAll().then((all) => setShortcuts(all.map((c) => ({ name: c.name ?? '', shortcut: c.shortcut ?? '' }))));
  }, []);
  const key = (name: string) => shortcuts.find((c) => c.name === name)?.shortcut;
  const flag = key('flag-ticket');
  const panel = key('_execute_action') ?? key('_execute_sidebar_action');
  return (
    <>
      <p>{t('welcomeDoneHint')}</p>
      <dl class="shortcuts" data-testid="welcome-shortcuts">
        <dt>{flag ? <kbd>{flag}</kbd> : t('welcomeNoShortcut')}</dt>
        <dd>{t('commandFlagTicket')}</dd>
        <dt>{panel ? <kbd>{panel}</kbd> : t('welcomeNoShortcut')}</dt>
        <dd>{t('commandOpenPanel')}</dd>
      </dl>
      <div class="nav">
        <a href="/options.html">{t('welcomeOpenOptions')}</a>
        <a href="/sidepanel.html">{t('welcomeOpenPanel')}</a>
      </div>
    </>
  );
}

document.documentElement.lang = uiLanguage();
render(<App />, document.getElementById('root')!);
