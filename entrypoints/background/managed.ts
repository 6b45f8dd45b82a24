// The organisation's policy (storage.managed, set by IT through Chrome or Firefox enterprise policy):
// read, validated (lib/settings/managed.ts), and the organisation profile kept in line with it through
// the same audited saveOrganisation every user edit goes through.
import browser from 'webextension-polyfill';
import type { Repositories } from '../../lib/db/repositories';
import { getOrganisation, saveOrganisation } from '../../lib/db/organisation';
import { NO_POLICY, organisationToApply, parseManagedPolicy, type ManagedState } from '../../lib/settings/managed';
import { MANAGED_CUSTOM_HELPDESKS_KEY } from '../../lib/settings/custom-helpdesks';
import type { HandlersOf } from '../../lib/messaging/server';
import type { MANAGED_MESSAGES } from '../../lib/messaging/messages/managed';

/** The actor the audit trail names for changes the policy makes. */
export const POLICY_ACTOR = 'Organisation policy (managed storage)';

/**
 * The policy as it stands now. Without a policy Firefox rejects (no managed storage manifest for the
 * add-on) and Chrome answers {}: both mean "nothing is managed".
 */
export async function readManaged(): Promise<ManagedState> {
  let raw: unknown;
  try {
    raw = await browser.storage.managed.get();
  } catch {
    return NO_POLICY;
  }
  const state = parseManagedPolicy(raw);
  if (state.problems.length) console.warn('Privacy Desk: policy values ignored:', state.problems.join(' | '));
  return state;
}

/** Saves the managed organisation profile when the stored one differs; returns the state applied. */
export async function applyManaged(repos: Repositories, state?: ManagedState): Promise<ManagedState> {
  const managed = state ?? (await readManaged());
  const profile = organisationToApply(await getOrganisation(repos), managed);
  if (profile) await saveOrganisation(repos, POLICY_ACTOR, profile);
  // The content script reads custom helpdesks from storage.local (it cannot rely on managed storage in
  // every browser): the policy's presets are copied there, replacing the previous copy.
  await browser.storage.local.set({ [MANAGED_CUSTOM_HELPDESKS_KEY]: managed.customHelpdesks });
  return managed;
}

/** Re-applies the policy whenever the admin changes it while the browser runs. */
export function watchManaged(onChange: () => void): void {
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') onChange();
  });
}

export function managedHandlers(): HandlersOf<typeof MANAGED_MESSAGES> {
  return { 'managed.get': async () => readManaged() };
}
