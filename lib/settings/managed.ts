// Settings an IT department pre-sets through the browser's policy (storage.managed): the organisation
// profile, the helpdesk origins, the default language and time zone, the team server, and whether users
// may change them.
// Pure: the background reads browser.storage.managed and hands the raw object in. Imports only lib/model.
import { z } from 'zod';
import { TimeZone, UiLanguage } from '../model/common';
import { describeIssues } from '../model/errors';
import { OrganisationProfile } from '../model/organisation';
import { ServerUrl } from '../model/team-server';
import { CustomHelpdesk } from './custom-helpdesks';

/** The profile without what the extension sets itself. */
const ProfileFields = OrganisationProfile.omit({ id: true, updatedAt: true });
type ProfileFields = z.infer<typeof ProfileFields>;

/** Admins may pre-set any subset of the profile; each field they give must be valid on its own. */
const ManagedOrganisation = ProfileFields.partial();

/** A helpdesk origin as an admin writes it (`https://acme.zendesk.com`, with or without a path or scheme). */
const ManagedOrigin = z
  .string()
  .trim()
  .max(300)
  .transform((raw, ctx) => {
    try {
      // A bare host name means https, as an admin typing `acme.zendesk.com` expects.
      const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw.replace(/\/\*$/, '/') : `https://${raw}`);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && url.hostname && !url.hostname.includes('*')) return `${url.protocol}//${url.host}`;
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', message: `must be an origin like https://support.example.com, not "${raw}"` });
    return z.NEVER;
  });

/** What the policy may contain; the same keys as public/managed_schema.json. */
const POLICY_KEYS = {
  organisation: z.record(z.string(), z.unknown()),
  defaultLanguage: UiLanguage,
  timeZone: TimeZone,
  helpdeskOrigins: z.array(z.unknown()).max(200),
  customHelpdesks: z.array(z.unknown()).max(50),
  locked: z.boolean(),
  showWelcome: z.boolean(),
  /** The team server every member must use (issue 12): Options → Team shows it, and join refuses invites for another. */
  teamServer: ServerUrl,
} as const;

/** The profile fields a policy can set, as shown to the user (top-level names of the profile). */
export const MANAGEABLE_FIELDS = Object.keys(ProfileFields.shape) as (keyof ProfileFields)[];
export type ManageableField = (typeof MANAGEABLE_FIELDS)[number];

export const ManagedState = z.object({
  /** Whether any policy value is in force. */
  active: z.boolean(),
  /** Locked: the managed values win over the user's on every start and every save. Unlocked: they only pre-fill. */
  locked: z.boolean(),
  organisation: ManagedOrganisation,
  /** Top-level profile fields the policy sets. */
  fields: z.array(z.string()),
  /** Origins without a trailing slash, e.g. `https://acme.zendesk.com`. */
  helpdeskOrigins: z.array(z.string()),
  /** Custom helpdesks (origin and selectors) the organisation presets; users cannot change them. */
  customHelpdesks: z.array(CustomHelpdesk).default([]),
  showWelcome: z.boolean().optional(),
  /** The team server the organisation presets: joining a team elsewhere is refused (lib/sync/engine.ts). */
  teamServer: z.string().optional(),
  /** One line per policy value that was ignored because it is invalid, naming the key. */
  problems: z.array(z.string()),
});
export type ManagedState = z.infer<typeof ManagedState>;

export const NO_POLICY: ManagedState = { active: false, locked: false, organisation: {}, fields: [], helpdeskOrigins: [], customHelpdesks: [], problems: [] };

/**
 * Reads a raw managed-storage object. Each key is validated on its own: an invalid value is left out
 * and named in `problems`, so one typo in a policy does not switch the whole policy off.
 */
export function parseManagedPolicy(raw: unknown): ManagedState {
  if (raw === null || raw === undefined || typeof raw !== 'object' || Array.isArray(raw)) return NO_POLICY;
  const input = raw as Record<string, unknown>;
  const problems: string[] = [];
  const valid: { [K in keyof typeof POLICY_KEYS]?: z.infer<(typeof POLICY_KEYS)[K]> } = {};
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(POLICY_KEYS, key)) {
      problems.push(`${key}: unknown policy key`);
      continue;
    }
    const schema = POLICY_KEYS[key as keyof typeof POLICY_KEYS];
    const result = schema.safeParse(input[key]);
    if (result.success) (valid as Record<string, unknown>)[key] = result.data;
    else problems.push(prefixIssues(key, result.error));
  }

  // The top-level language and time zone are the profile's own fields; they win over the same fields
  // inside `organisation` because an admin who sets them means them for everyone.
  const organisation: Partial<ProfileFields> = {
    ...organisationFields(valid.organisation ?? {}, problems),
    ...(valid.defaultLanguage ? { defaultLanguage: valid.defaultLanguage } : {}),
    ...(valid.timeZone ? { timeZone: valid.timeZone } : {}),
  };
  const fields = MANAGEABLE_FIELDS.filter((f) => organisation[f] !== undefined);
  // Origins one by one: a mistyped entry is named and the others still apply.
  const helpdeskOrigins: string[] = [];
  (valid.helpdeskOrigins ?? []).forEach((entry, i) => {
    const origin = ManagedOrigin.safeParse(entry);
    if (origin.success) {
      if (!helpdeskOrigins.includes(origin.data)) helpdeskOrigins.push(origin.data);
    } else problems.push(prefixIssues(`helpdeskOrigins.${i}`, origin.error));
  });
  // Custom helpdesks one by one too; their url: patterns pass the same safety check as the options page's.
  const customHelpdesks: CustomHelpdesk[] = [];
  (valid.customHelpdesks ?? []).forEach((entry, i) => {
    const parsed = CustomHelpdesk.safeParse(entry);
    if (parsed.success) customHelpdesks.push(parsed.data);
    else problems.push(prefixIssues(`customHelpdesks.${i}`, parsed.error));
  });
  return {
    active: fields.length > 0 || helpdeskOrigins.length > 0 || customHelpdesks.length > 0 || valid.teamServer !== undefined || valid.locked !== undefined || valid.showWelcome !== undefined,
    // A policy that sets values without saying otherwise means them to stay set.
    locked: valid.locked ?? true,
    organisation,
    fields,
    helpdeskOrigins,
    customHelpdesks,
    ...(valid.showWelcome !== undefined ? { showWelcome: valid.showWelcome } : {}),
    ...(valid.teamServer !== undefined ? { teamServer: valid.teamServer } : {}),
    problems,
  };
}

/**
 * The profile to save so that the policy holds, or undefined when nothing needs saving: the stored
 * profile already agrees, the policy is unlocked and a profile exists (the user's choices stand), or
 * the policy and the stored profile together are still incomplete (the options page then asks the user
 * for the rest, with the managed fields pre-filled and read-only).
 */
export function organisationToApply(existing: OrganisationProfile | undefined, state: ManagedState): ProfileFields | undefined {
  if (state.fields.length === 0) return undefined;
  if (existing && !state.locked) return undefined;
  const { id: _id, updatedAt: _updatedAt, ...current } = existing ?? ({ closingDays: [], systems: [] } as Partial<OrganisationProfile>);
  const merged = ProfileFields.safeParse({ ...current, ...state.organisation });
  if (!merged.success) return undefined;
  if (existing && (state.fields as ManageableField[]).every((f) => sameValue(existing[f], merged.data[f]))) return undefined;
  return merged.data;
}

/**
 * A profile the user submitted, with every locked managed field put back to the policy's value, so a
 * changed field cannot slip past the read-only form (the background enforces it, not the page).
 */
export function withManagedFields(input: unknown, state: ManagedState): unknown {
  if (!state.locked || state.fields.length === 0 || typeof input !== 'object' || input === null) return input;
  return { ...(input as object), ...state.organisation };
}

/** Turns an origin into the match pattern permissions.request and content scripts use. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}

function prefixIssues(key: string, error: z.ZodError): string {
  return describeIssues(error)
    .split('; ')
    .map((line) => (line.startsWith('(root)') ? `${key}${line.slice('(root)'.length)}` : `${key}.${line}`))
    .join('; ');
}

/** The profile fields of a policy, each validated on its own like the top-level keys. */
function organisationFields(raw: Record<string, unknown>, problems: string[]): Partial<ProfileFields> {
  const out: Record<string, unknown> = {};
  const shape = ProfileFields.shape as Record<string, z.ZodType>;
  for (const [key, value] of Object.entries(raw)) {
    const schema = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (!schema) {
      problems.push(`organisation.${key}: unknown profile field`);
      continue;
    }
    const result = schema.safeParse(value);
    if (result.success) out[key] = result.data;
    else problems.push(prefixIssues(`organisation.${key}`, result.error));
  }
  return out as Partial<ProfileFields>;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canonical(x)]));
  return v;
}
