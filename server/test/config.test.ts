import { describe, expect, it } from 'vitest';
import { publicUrl, readConfig } from '../config.ts';

describe('server configuration', () => {
  it('defaults to the embedded database on 127.0.0.1:8787', () => {
    const config = readConfig({});
    expect(config).toMatchObject({ HOST: '127.0.0.1', PORT: 8787, TEAM_SERVER_DATA: '.team-server-data' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(publicUrl(config)).toBe('http://127.0.0.1:8787');
  });

  it('takes PORT, HOST, a database, a public URL and the proxy setting from the environment', () => {
    const config = readConfig({ PORT: '9000', HOST: '::1', DATABASE_URL: 'postgres://relay@db/pd', DATABASE_READ_URL: 'postgres://relay@replica/pd', TRUST_PROXY: '10.0.0.0/8' });
    expect(config).toMatchObject({ PORT: 9000, HOST: '::1', DATABASE_URL: 'postgres://relay@db/pd', TRUST_PROXY: '10.0.0.0/8' });
    expect(publicUrl(config)).toBe('http://[::1]:9000');
    expect(publicUrl(readConfig({ TEAM_SERVER_URL: 'https://team.example.org' }))).toBe('https://team.example.org');
    expect(readConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
  });

  it('names what is wrong', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/bad environment: PORT/);
    expect(() => readConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => readConfig({ DATABASE_READ_URL: 'postgres://replica/pd' })).toThrow('DATABASE_READ_URL needs DATABASE_URL');
  });
});
