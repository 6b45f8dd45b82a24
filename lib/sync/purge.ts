// The purge in a team (lib/sync/README.md, "Purge"): the recovery window ends on every replica, but only
// the DPO's purge travels. It reaches the other replicas as a change (roles.ts lets only a DPO purge), so
// every replica lets go of the same records at the same point of the team's order, with the DPO named as
// who did it. Any other member's browser purges its own replica without sending: the window is a
// retention limit that holds in every browser, also while the DPO's is closed, and an agent's or legal
// member's purge would be refused wherever it arrived.
import type { Repositories } from '../db/repositories';
import { purgeAllExpired } from '../db/recently-deleted';
import type { TeamSync } from './engine';

export async function purgeInTeam(repos: Repositories, team: Pick<TeamSync, 'state'>, actor: string, recoveryDays?: number): ReturnType<typeof purgeAllExpired> {
  const state = await team.state();
  // A DPO whose browser has not received the team key yet cannot seal the change: it purges locally.
  const send = state?.role === 'dpo' && !!state.teamKeys[String(state.epoch)];
  return purgeAllExpired(repos, actor, recoveryDays, { send });
}
