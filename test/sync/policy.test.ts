// The organisation's policy presets the team server (lib/settings/managed.ts): joining a team on any
// other server is refused before the invite's token is spent; the preset server itself is accepted,
// however its address is written.
import { describe, expect, it } from 'vitest';
import { ServerNotAllowedError, TeamSync, encodeInvite } from '../../lib/sync/engine';
import { sameServer } from '../../lib/model/team-server';
import { freshRepos } from '../db/helpers';
import { Relay } from './relay';

const NOW = '2026-03-02T09:00:00.000Z';

function browser(relay: Relay) {
  const { repos } = freshRepos();
  const sync = new TeamSync(repos, relay.fetch);
  repos.store.hook = sync.hook;
  return { repos, sync };
}

describe('a team server preset by the organisation', () => {
  it('refuses an invite for another server, without spending its token', async () => {
    const relay = new Relay();
    const token = relay.invite('dpo');
    const { sync } = browser(relay);
    const join = sync.join(encodeInvite({ v: 1, url: 'https://elsewhere.example', token }), 'Dana', NOW, 'https://privacy-team.acme.example');
    await expect(join).rejects.toBeInstanceOf(ServerNotAllowedError);
    await expect(join).rejects.toMatchObject({ inviteServer: 'https://elsewhere.example', policyServer: 'https://privacy-team.acme.example' });
    expect(relay.invites.get(token)!.used).toBe(false);
    expect((await sync.status()).joined).toBe(false);
  });

  it('joins when the invite names the preset server, however the address is written', async () => {
    const relay = new Relay();
    const { sync } = browser(relay);
    const status = await sync.join(encodeInvite({ v: 1, url: 'http://127.0.0.1:8787', token: relay.invite('dpo') }), 'Dana', NOW, 'http://127.0.0.1:8787/');
    expect(status).toMatchObject({ joined: true, role: 'dpo' });
    expect(sameServer('HTTPS://Team.Acme.example:443/', 'https://team.acme.example')).toBe(true);
    expect(sameServer('https://team.acme.example/a', 'https://team.acme.example/b')).toBe(false);
    expect(sameServer('https://team.acme.example:8443', 'https://team.acme.example')).toBe(false);
  });
});
