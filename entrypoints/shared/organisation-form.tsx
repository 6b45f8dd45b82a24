// The organisation profile form, used by the options page and the first-run page. Fields the
// organisation's policy sets (storage.managed) are pre-filled; when the policy locks them they are
// read-only with a "managed by your organisation" note (the background enforces the lock on save).
import { useEffect, useState } from 'preact/hooks';
import { send } from '../../lib/messaging/client';
import type { OrganisationProfile } from '../../lib/model';
import { NO_POLICY, type ManagedState } from '../../lib/settings/managed';
import { t } from './i18n';
import { errorText } from './error-text';

type Form = Record<string, string>;
type Profile = Partial<Omit<OrganisationProfile, 'id' | 'updatedAt'>>;

/** Which form fields show which top-level profile field (for the managed marks). */
const FORM_FIELDS: Record<string, string[]> = {
  legalName: ['legalName'],
  role: ['role'],
  address: ['street', 'postalCode', 'city'],
  country: ['country'],
  region: ['region'],
  timeZone: ['timeZone'],
  dpo: ['dpoName', 'dpoEmail'],
  supervisoryAuthority: ['authority'],
  defaultLanguage: ['defaultLanguage'],
};

function toForm(p: Profile): Form {
  return {
    legalName: p.legalName ?? '',
    role: p.role ?? 'controller',
    street: p.address?.street ?? '',
    postalCode: p.address?.postalCode ?? '',
    city: p.address?.city ?? '',
    country: p.country ?? '',
    region: p.region ?? '',
    dpoName: p.dpo?.name ?? '',
    dpoEmail: p.dpo?.email ?? '',
    authority: p.supervisoryAuthority?.name ?? '',
    authorityCountry: p.supervisoryAuthority?.country ?? '',
    defaultLanguage: p.defaultLanguage ?? 'en',
    timeZone: p.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
}

function toProfile(f: Form, base: Profile) {
  const country = (f.country ?? '').trim().toUpperCase();
  return {
    closingDays: [],
    systems: [],
    ...base,
    legalName: f.legalName,
    role: f.role,
    address: { street: f.street, postalCode: f.postalCode ?? '', city: f.city, country },
    country,
    ...(f.region?.trim() ? { region: f.region.trim().toUpperCase() } : { region: undefined }),
    dpo: { ...base.dpo, name: f.dpoName, email: f.dpoEmail },
    supervisoryAuthority: { ...base.supervisoryAuthority, name: f.authority, country: (f.authorityCountry || country).trim().toUpperCase() },
    defaultLanguage: f.defaultLanguage,
    timeZone: f.timeZone,
  };
}

/** What the policy means for this form: which fields are read-only, and what pre-fills a new profile. */
export function useManaged(): ManagedState | undefined {
  const [managed, setManaged] = useState<ManagedState | undefined>();
  useEffect(() => void send('managed.get', {}).then(setManaged, () => setManaged(NO_POLICY)), []);
  return managed;
}

export function OrganisationForm({ onSaved }: { onSaved?: (profile: OrganisationProfile) => void }) {
  const managed = useManaged();
  const [profile, setProfile] = useState<OrganisationProfile | null | undefined>();
  const [form, setForm] = useState<Form>(toForm({}));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  useEffect(() => void send('organisation.get', {}).then(setProfile), []);
  useEffect(() => {
    if (profile === undefined || managed === undefined) return;
    // Locked policy values always show; unlocked ones only pre-fill a profile not yet saved.
    const prefill = managed.locked || !profile ? managed.organisation : {};
    setForm(toForm({ ...(profile ?? {}), ...prefill }));
  }, [profile, managed]);

  const readOnly = new Set(managed?.locked ? managed.fields.flatMap((f) => FORM_FIELDS[f] ?? []) : []);
  const set = (name: string, value: string) => setForm({ ...form, [name]: value });

  async function submit(e: Event) {
    e.preventDefault();
    try {
      const base: Profile = profile ?? managed?.organisation ?? {};
      const saved = await send('organisation.save', { profile: toProfile(form, base) });
      setProfile(saved);
      setMessage({ ok: true, text: t('saved') });
      onSaved?.(saved);
    } catch (error) {
      setMessage({ ok: false, text: errorText(error) });
    }
  }

  const text = (name: string, label: string, type = 'text', required = true) => (
    <label>
      <span>
        {label}
        {readOnly.has(name) ? <ManagedMark /> : null}
      </span>
      <input
        name={name}
        type={type}
        required={required}
        readOnly={readOnly.has(name)}
        aria-describedby={readOnly.has(name) ? 'org-managed-note' : undefined}
        value={form[name] ?? ''}
        onInput={(e) => set(name, (e.target as HTMLInputElement).value)}
      />
    </label>
  );
  // A select cannot be read-only; a disabled one is skipped by Tab, so the note beside the form says why.
  const select = (name: string, label: string, options: [string, string][]) => (
    <label>
      <span>
        {label}
        {readOnly.has(name) ? <ManagedMark /> : null}
      </span>
      <select name={name} value={form[name]} disabled={readOnly.has(name)} aria-describedby={readOnly.has(name) ? 'org-managed-note' : undefined} onChange={(e) => set(name, (e.target as HTMLSelectElement).value)}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <form onSubmit={submit} aria-label={t('orgProfile')} data-testid="org-form">
      {readOnly.size ? (
        <p class="managed-note wide" id="org-managed-note" data-testid="managed-note">
          {t('managedFieldsNote')}
        </p>
      ) : null}
      {text('legalName', t('orgLegalName'))}
      {select('role', t('orgRole'), [
        ['controller', t('roleController')],
        ['processor', t('roleProcessor')],
        ['both', t('roleBoth')],
      ])}
      {text('street', t('orgStreet'))}
      {text('postalCode', t('orgPostalCode'), 'text', false)}
      {text('city', t('orgCity'))}
      {text('country', t('orgCountry'))}
      {text('region', t('orgRegion'), 'text', false)}
      {text('timeZone', t('orgTimeZone'))}
      {text('dpoName', t('orgDpoName'))}
      {text('dpoEmail', t('orgDpoEmail'), 'email')}
      {text('authority', t('orgAuthority'))}
      {select('defaultLanguage', t('orgLanguage'), [
        ['en', 'English'],
        ['nl', 'Nederlands'],
        ['de', 'Deutsch'],
        ['it', 'Italiano'],
      ])}
      <div class="actions">
        <button class="primary" type="submit">
          {t('save')}
        </button>
        {message ? (
          <span class={message.ok ? 'ok' : 'warn'} role="status" data-testid="org-message">
            {message.text}
          </span>
        ) : null}
      </div>
    </form>
  );
}

function ManagedMark() {
  return <span class="managed-mark">{t('managedMark')}</span>;
}
