// Options: the organisation profile (what documents and deadlines are built from) and the user's name.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { z } from 'zod';
import { send, MessageFailure } from '../../lib/messaging/client';
import type { OrganisationProfile } from '../../lib/model';
import { t } from '../shared/i18n';
import { SECTIONS } from './sections/index';

z.config({ jitless: true });

type Form = Record<string, string>;


function toForm(p: OrganisationProfile | null): Form {
  if (!p) return { role: 'controller', defaultLanguage: 'en', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, country: '', authorityCountry: '' };
  return {
    legalName: p.legalName,
    role: p.role,
    street: p.address.street,
    postalCode: p.address.postalCode,
    city: p.address.city,
    country: p.country,
    region: p.region ?? '',
    dpoName: p.dpo.name,
    dpoEmail: p.dpo.email,
    authority: p.supervisoryAuthority.name,
    authorityCountry: p.supervisoryAuthority.country,
    defaultLanguage: p.defaultLanguage,
    timeZone: p.timeZone,
  };
}

function toProfile(f: Form, previous: OrganisationProfile | null) {
  const country = (f.country ?? '').trim().toUpperCase();
  return {
    ...(previous ?? { closingDays: [], systems: [] }),
    legalName: f.legalName,
    role: f.role,
    address: { street: f.street, postalCode: f.postalCode ?? '', city: f.city, country },
    country,
    ...(f.region?.trim() ? { region: f.region.trim().toUpperCase() } : { region: undefined }),
    dpo: { name: f.dpoName, email: f.dpoEmail },
    supervisoryAuthority: { name: f.authority, country: (f.authorityCountry || country).trim().toUpperCase() },
    defaultLanguage: f.defaultLanguage,
    timeZone: f.timeZone,
  };
}

function Text({ name, label, form, set, type = 'text', required = true }: { name: string; label: string; form: Form; set: (n: string, v: string) => void; type?: string; required?: boolean }) {
  return (
    <label>
      {label}
      <input name={name} type={type} required={required} value={form[name] ?? ''} onInput={(e) => set(name, (e.target as HTMLInputElement).value)} />
    </label>
  );
}

function OrganisationForm() {
  const [profile, setProfile] = useState<OrganisationProfile | null>(null);
  const [form, setForm] = useState<Form>(toForm(null));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  useEffect(() => {
    void send('organisation.get', {}).then((p) => {
      setProfile(p);
      setForm(toForm(p));
    });
  }, []);
  const set = (name: string, value: string) => setForm({ ...form, [name]: value });

  async function submit(e: Event) {
    e.preventDefault();
    try {
      const saved = await send('organisation.save', { profile: toProfile(form, profile) });
      setProfile(saved);
      setMessage({ ok: true, text: t('saved') });
    } catch (error) {
      setMessage({ ok: false, text: error instanceof MessageFailure ? error.message : String(error) });
    }
  }

  return (
    <form onSubmit={submit} aria-label={t('orgProfile')} data-testid="org-form">
      <Text name="legalName" label={t('orgLegalName')} form={form} set={set} />
      <label>
        {t('orgRole')}
        <select name="role" value={form.role} onChange={(e) => set('role', (e.target as HTMLSelectElement).value)}>
          <option value="controller">{t('roleController')}</option>
          <option value="processor">{t('roleProcessor')}</option>
          <option value="both">{t('roleBoth')}</option>
        </select>
      </label>
      <Text name="street" label={t('orgStreet')} form={form} set={set} />
      <Text name="postalCode" label={t('orgPostalCode')} form={form} set={set} required={false} />
      <Text name="city" label={t('orgCity')} form={form} set={set} />
      <Text name="country" label={t('orgCountry')} form={form} set={set} />
      <Text name="region" label={t('orgRegion')} form={form} set={set} required={false} />
      <Text name="timeZone" label={t('orgTimeZone')} form={form} set={set} />
      <Text name="dpoName" label={t('orgDpoName')} form={form} set={set} />
      <Text name="dpoEmail" label={t('orgDpoEmail')} form={form} set={set} type="email" />
      <Text name="authority" label={t('orgAuthority')} form={form} set={set} />
      <label>
        {t('orgLanguage')}
        <select name="defaultLanguage" value={form.defaultLanguage} onChange={(e) => set('defaultLanguage', (e.target as HTMLSelectElement).value)}>
          <option value="en">English</option>
          <option value="nl">Nederlands</option>
          <option value="de">Deutsch</option>
          <option value="it">Italiano</option>
        </select>
      </label>
      <div class="actions">
        <button class="primary" type="submit">{t('save')}</button>
        {message ? <span class={message.ok ? 'ok' : 'warn'} role="status" data-testid="org-message">{message.text}</span> : null}
      </div>
    </form>
  );
}

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
