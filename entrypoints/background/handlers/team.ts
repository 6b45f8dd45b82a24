// Answers the team messages: join with an invite, sync now, members, invite, revoke (lib/sync).
import type { HandlersOf } from '../../../lib/messaging/server';
import type { TEAM_MESSAGES } from '../../../lib/messaging/messages/team';
import type { HandlerContext } from './context';
import { saveSettings } from '../settings';
import { readManaged } from '../managed';
import { ServerNotAllowedError } from '../../../lib/sync/engine';
import { ConflictError } from '../../../lib/db/errors';
import { t } from '../../shared/i18n';

export function teamHandlers(ctx: HandlerContext): HandlersOf<typeof TEAM_MESSAGES> {
  const { team, repos } = ctx;
  return {
    'team.status': async () => team.status(),
    'team.join': async ({ code, name }) => {
      // The organisation's policy may preset the team server: an invite for another one is refused, in
      // the user's language (the page shows the message as it comes).
      const { teamServer } = await readManaged();
      const status = await team.join(code, name, repos.store.nowIso(), teamServer).catch((error: unknown) => {
        if (error instanceof ServerNotAllowedError) throw new ConflictError(t('teamPolicyServerRefused', [error.inviteServer, error.policyServer]));
        throw error;
      });
      // The name the member gave the team is the name this browser records as who did each step.
      await saveSettings(repos, { actorName: name });
      ctx.hooks.teamChanged();
      return status;
    },
    'team.sync': async () => team.sync(),
    'team.members': async () => {
      const info = await team.members();
      return {
        me: info.memberId,
        members: info.members.map((m) => ({ memberId: m.memberId, role: m.role, revokedAt: m.revokedAt ?? null, devices: m.devices.map((d) => ({ deviceId: d.deviceId, ...(d.createdAt ? { createdAt: d.createdAt } : {}) })) })),
      };
    },
    'team.invite': async ({ role }) => team.invite(role),
    'team.revoke': async ({ memberId }) => {
      await team.revoke(memberId);
      return team.sync();
    },
  };
}
