// The organisation's policy (storage.managed): parsing each key on its own, the profile it leads to,
// the lock on saves, and — with browser.storage.managed faked — the background applying it through the
// audited saveOrganisation, once.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MANAGEABLE_FIELDS, NO_POLICY, organisationToApply, parseManagedPolicy, withManagedFields } from '../../lib/settings/managed';
import { OrganisationProfile } from '../../lib/model/organisation';

let managedStorage: unknown = {};
let managedFails = false;
const localStorage: Record<string, unknown> = {};
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      local: { set: async (values: Record<string, unknown>) => void Object.assign(localStorage, values) },
      managed: { get: () => (managedFails ? Promise.reject(new Error('Managed storage manifest not found')) : Promise.resolve(managedStorage)) },
      onChanged: { addListener: () => undefined },
    },
  },
}));

const { applyManaged, readManaged, POLICY_ACTOR } = await import('../../entrypoints/background/managed');
const { freshRepos } = await import('../db/helpers');
const { getOrganisation, saveOrganisation } = await import('../../lib/db/organisation');

const FULL = {
  legalName: 'Acme Managed BV',
  role: 'controller',
  address: { street: 'Keizersgracht 1', postalCode: '1015 CJ', city: 'Amsterdam', country: 'NL' },
  country: 'NL',
  dpo: { name: 'Dana Policy', email: 'DPO@acme.example' },
  supervisoryAuthority: { name: 'Autoriteit Persoonsgegevens', country: 'NL' },
  defaultLanguage: 'nl',
  timeZone: 'Europe/Amsterdam',
};

describe('parseManagedPolicy', () => {
  it('reads no policy (Chrome answers {}, a missing policy is undefined) as nothing managed', () => {
    expect(parseManagedPolicy({})).toMatchObject({ active: false, fields: [], helpdeskOrigins: [], problems: [] });
    expect(parseManagedPolicy(undefined)).toEqual(NO_POLICY);
    expect(parseManagedPolicy([1, 2])).toEqual(NO_POLICY);
  });

  it('validates each key and each profile field on its own, names what it ignored, and keeps the rest', () => {
    const state = parseManagedPolicy({
      organisation: { legalName: '  Acme  ', dpo: { name: 'Dana', email: 'not-an-email' }, shoeSize: 44 },
      timeZone: 'Mars/Olympus_Mons',
      defaultLanguage: 'de',
      helpdeskOrigins: ['https://acme.zendesk.com/agent/tickets/1', 'ftp://files.acme.example', 'acme.freshdesk.com', 'https://acme.zendesk.com'],
      locked: 'yes',
      colour: 'blue',
    });
    expect(state.organisation).toEqual({ legalName: 'Acme', defaultLanguage: 'de' });
    expect(state.fields).toEqual(['legalName', 'defaultLanguage']);
    // Paths are dropped, a bare host means https, duplicates go.
    expect(state.helpdeskOrigins).toEqual(['https://acme.zendesk.com', 'https://acme.freshdesk.com']);
    expect(state.locked).toBe(true);
    expect(state.problems).toEqual([
      'timeZone: must be an IANA time zone like Europe/Amsterdam',
      'locked: Invalid input: expected boolean, received string',
      'colour: unknown policy key',
      'organisation.dpo.email: must be an e-mail address',
      'organisation.shoeSize: unknown profile field',
      'helpdeskOrigins.1: must be an origin like https://support.example.com, not "ftp://files.acme.example"',
    ]);
  });

  it('lets the top-level language and time zone win over the same fields inside organisation', () => {
    const state = parseManagedPolicy({ organisation: { ...FULL, defaultLanguage: 'en' }, defaultLanguage: 'it', timeZone: 'Europe/Rome' });
    expect(state.organisation.defaultLanguage).toBe('it');
    expect(state.organisation.timeZone).toBe('Europe/Rome');
  });

  it('does not count the schema defaults (closingDays, systems) as managed when the admin did not set them', () => {
    expect(parseManagedPolicy({ organisation: { legalName: 'Acme' } }).fields).toEqual(['legalName']);
    expect(parseManagedPolicy({ organisation: { systems: ['CRM'] } }).fields).toEqual(['systems']);
  });

  it('reads the team server the organisation presets, and names one that is not https', () => {
    const state = parseManagedPolicy({ teamServer: ' https://privacy-team.acme.example/ ' });
    expect(state).toMatchObject({ active: true, teamServer: 'https://privacy-team.acme.example/', problems: [] });
    const bad = parseManagedPolicy({ teamServer: 'http://privacy-team.acme.example' });
    expect(bad.teamServer).toBeUndefined();
    expect(bad.active).toBe(false);
    expect(bad.problems).toEqual(['teamServer: must use https (plain http only for a server on this machine)']);
    expect(parseManagedPolicy({ teamServer: 'http://127.0.0.1:8787' }).teamServer).toBe('http://127.0.0.1:8787');
  });

  it('describes every profile field and policy key in public/managed_schema.json (what Chrome lets through)', () => {
    const schema = JSON.parse(readFileSync(new URL('../../public/managed_schema.json', import.meta.url), 'utf8')) as { properties: Record<string, { properties?: Record<string, unknown> }> };
    expect(Object.keys(schema.properties).sort()).toEqual(['customHelpdesks', 'defaultLanguage', 'helpdeskOrigins', 'locked', 'organisation', 'showWelcome', 'teamServer', 'timeZone']);
    expect(Object.keys(schema.properties.organisation!.properties!).sort()).toEqual([...MANAGEABLE_FIELDS].sort());
  });
});

describe('organisationToApply and withManagedFields', () => {
  const existing = OrganisationProfile.parse({ ...FULL, legalName: 'Old Name BV', systems: ['CRM'], id: 'organisation', updatedAt: '2026-01-01T00:00:00.000Z' });

  it('creates the profile when the policy sets every required field', () => {
    expect(organisationToApply(undefined, parseManagedPolicy({ organisation: FULL }))).toMatchObject({ legalName: 'Acme Managed BV', dpo: { email: 'dpo@acme.example' }, closingDays: [], systems: [] });
  });

  it('leaves an incomplete policy to the options page when there is no profile yet', () => {
    expect(organisationToApply(undefined, parseManagedPolicy({ organisation: { legalName: 'Acme' } }))).toBeUndefined();
  });

  it('overrides the managed fields of a stored profile when locked, keeping the user’s other fields', () => {
    const applied = organisationToApply(existing, parseManagedPolicy({ organisation: { legalName: 'Acme Managed BV' } }));
    expect(applied).toMatchObject({ legalName: 'Acme Managed BV', systems: ['CRM'], timeZone: 'Europe/Amsterdam' });
  });

  it('saves nothing when the stored profile already agrees, or when an unlocked policy meets an existing profile', () => {
    expect(organisationToApply({ ...existing, legalName: 'Acme Managed BV' }, parseManagedPolicy({ organisation: { legalName: 'Acme Managed BV' } }))).toBeUndefined();
    expect(organisationToApply(existing, parseManagedPolicy({ organisation: { legalName: 'Acme Managed BV' }, locked: false }))).toBeUndefined();
  });

  it('puts locked fields back whatever a page submits; unlocked policies and unmanaged fields pass through', () => {
    const locked = parseManagedPolicy({ organisation: { legalName: 'Acme Managed BV' } });
    expect(withManagedFields({ legalName: 'Hacked', city: 'Utrecht' }, locked)).toEqual({ legalName: 'Acme Managed BV', city: 'Utrecht' });
    expect(withManagedFields({ legalName: 'Mine' }, parseManagedPolicy({ organisation: { legalName: 'Acme' }, locked: false }))).toEqual({ legalName: 'Mine' });
    expect(withManagedFields({ legalName: 'Mine' }, NO_POLICY)).toEqual({ legalName: 'Mine' });
  });
});

describe('the background with browser.storage.managed faked', () => {
  beforeEach(() => {
    managedStorage = {};
    managedFails = false;
  });

  it('reads a missing policy (Firefox rejects) as nothing managed', async () => {
    managedFails = true;
    expect(await readManaged()).toEqual(NO_POLICY);
  });

  it('saves the managed profile through the audited writer once, and again only when the policy changes', async () => {
    const { repos } = freshRepos();
    managedStorage = { organisation: FULL };
    await applyManaged(repos);
    expect(await getOrganisation(repos)).toMatchObject({ legalName: 'Acme Managed BV', timeZone: 'Europe/Amsterdam' });
    await applyManaged(repos);
    const audit = await repos.db.audit.toArray();
    expect(audit.map((a) => [a.actor, a.action, a.table])).toEqual([[POLICY_ACTOR, 'create', 'organisation']]);

    // The user changes an unmanaged field: the policy leaves it alone.
    await saveOrganisation(repos, 'Dana', { ...(await getOrganisation(repos)), region: 'NL-NH' });
    await applyManaged(repos);
    expect((await repos.db.audit.count())).toBe(2);

    managedStorage = { organisation: FULL, timeZone: 'Europe/Berlin' };
    await applyManaged(repos);
    const last = (await repos.db.audit.toArray()).at(-1)!;
    expect([last.actor, last.action, last.detail]).toEqual([POLICY_ACTOR, 'update', 'fields: timeZone']);
    expect(await getOrganisation(repos)).toMatchObject({ timeZone: 'Europe/Berlin', region: 'NL-NH' });
  });

  it('rejects nothing and writes nothing for an invalid policy', async () => {
    const { repos } = freshRepos();
    managedStorage = { organisation: { ...FULL, dpo: { name: 'x', email: 'nope' } } };
    const state = await applyManaged(repos);
    expect(state.problems).toEqual(['organisation.dpo.email: must be an e-mail address']);
    expect(await getOrganisation(repos)).toBeUndefined();
    expect(await repos.db.audit.count()).toBe(0);
  });
});
