// @vitest-environment jsdom
// Attack: a custom template that keeps its sandbox frame busy. Before, a render that timed out left the
// frame in the page, still running; now the frame is removed and the next render gets a fresh one.
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({
  default: { runtime: { getManifest: () => ({ sandbox: { pages: ['templates.html'] } }), getURL: (p: string) => `about:blank#${p}` } },
}));

describe('template sandbox timeout', () => {
  it('removes the frame of a render that did not answer and mounts a new one', async () => {
    const { TemplateSandbox } = await import('../../entrypoints/documents/sandbox');
    const sandbox = new TemplateSandbox(document.body, 50);
    const first = document.querySelector('iframe');
    expect(first).not.toBeNull();
    const result = await sandbox.render('{{#each rows}}{{/each}}', { rows: [] }, 'slow.hbs');
    expect(result).toMatchObject({ ok: false, problem: { kind: 'sandbox' } });
    expect(first!.isConnected).toBe(false);
    expect(document.querySelectorAll('iframe')).toHaveLength(1);
  });
});
