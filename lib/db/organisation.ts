// The organisation profile: a single record, audited like every other.
import { OrganisationProfile } from '../model/organisation';
import { parseOrThrow } from '../model/errors';
import { changedFields } from './store';
import type { Repositories } from './repositories';

export async function getOrganisation(repos: Repositories): Promise<OrganisationProfile | undefined> {
  return repos.db.organisation.get('organisation');
}

export async function saveOrganisation(repos: Repositories, actor: string, input: unknown): Promise<OrganisationProfile> {
  const existing = await getOrganisation(repos);
  const record = parseOrThrow(
    OrganisationProfile,
    { ...(input as object), id: 'organisation', updatedAt: repos.store.nowIso() },
    'organisation profile',
  );
  const detail = existing ? `fields: ${changedFields(existing, record).join(', ')}` : '';
  await repos.store.commit(actor, [{ table: 'organisation', kind: 'put', id: 'organisation', record, action: existing ? 'update' : 'create', detail }]);
  return record;
}
