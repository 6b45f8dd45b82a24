// The documents page's side of the sandboxed template compiler (entrypoints/templates.sandbox): a
// hidden iframe on the sandbox page, spoken to with postMessage. Only that frame's answers are read.
import browser from 'webextension-polyfill';
import { CHANNEL, type RenderTemplateReply, type RenderTemplateRequest } from '../templates.sandbox/protocol';
import type { TemplateProblem } from '../../lib/messaging/messages/documents';

export type SandboxResult = { ok: true; markdown: string } | { ok: false; problem: TemplateProblem };

const TIMEOUT_MS = 15_000;

/**
 * Whether this browser has sandboxed extension pages. Firefox has none (WXT leaves `sandbox.pages`
 * out of its manifest), and no other page may eval, so custom templates are Chromium-only.
 */
export function sandboxAvailable(): boolean {
  return Boolean((browser.runtime.getManifest() as { sandbox?: { pages?: string[] } }).sandbox?.pages?.length);
}

export class TemplateSandbox {
  private readonly frame: HTMLIFrameElement;
  private readonly ready: Promise<void>;
  private readonly pending = new Map<number, (result: SandboxResult) => void>();
  private next = 1;
  readonly available: boolean;

  constructor(host: HTMLElement = document.body) {
    this.frame = document.createElement('iframe');
    this.available = sandboxAvailable();
    this.frame.hidden = true;
    this.frame.title = 'template compiler';
    this.frame.dataset.testid = 'template-sandbox';
    let markReady: () => void = () => undefined;
    this.ready = new Promise((resolve) => (markReady = resolve));
    window.addEventListener('message', (event: MessageEvent) => {
      if (event.source !== this.frame.contentWindow) return;
      const data = event.data as (RenderTemplateReply & { ready?: undefined }) | { channel: string; ready: true };
      if (data?.channel !== CHANNEL) return;
      if ('ready' in data && data.ready) return markReady();
      const reply = data as RenderTemplateReply;
      const settle = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      settle?.(reply.ok ? { ok: true, markdown: reply.markdown } : { ok: false, problem: reply.problem });
    });
    if (!this.available) return;
    this.frame.src = browser.runtime.getURL('/templates.html');
    host.append(this.frame);
  }

  /** Compiles `source` and fills it with `view` in the sandbox: Markdown, or the problem with its line and field. */
  async render(source: string, view: Record<string, unknown>, name: string): Promise<SandboxResult> {
    if (!this.available) return { ok: false, problem: { kind: 'sandbox', message: 'This browser has no sandboxed extension pages, where custom templates are compiled: use Chromium or Chrome for custom templates.' } };
    const timeout = new Promise<SandboxResult>((resolve) =>
      setTimeout(() => resolve({ ok: false, problem: { kind: 'sandbox', message: 'The template compiler did not answer' } }), TIMEOUT_MS),
    );
    await Promise.race([this.ready, timeout]);
    const id = this.next++;
    const answer = new Promise<SandboxResult>((resolve) => this.pending.set(id, resolve));
    const request: RenderTemplateRequest = { channel: CHANNEL, id, source, view, name };
    // The sandbox has an opaque origin, so it cannot be named as the target; the frame is our own page.
    this.frame.contentWindow?.postMessage(request, '*');
    const result = await Promise.race([answer, timeout]);
    this.pending.delete(id);
    return result;
  }
}
