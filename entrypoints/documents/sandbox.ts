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
  private frame: HTMLIFrameElement | undefined;
  private ready: Promise<void> = Promise.resolve();
  private markReady: () => void = () => undefined;
  private readonly pending = new Map<number, (result: SandboxResult) => void>();
  private next = 1;
  readonly available: boolean;

  constructor(
    private readonly host: HTMLElement = document.body,
    private readonly timeoutMs = TIMEOUT_MS,
  ) {
    this.available = sandboxAvailable();
    window.addEventListener('message', (event: MessageEvent) => {
      if (!this.frame || event.source !== this.frame.contentWindow) return;
      const data = event.data as (RenderTemplateReply & { ready?: undefined }) | { channel: string; ready: true };
      if (data?.channel !== CHANNEL) return;
      if ('ready' in data && data.ready) return this.markReady();
      const reply = data as RenderTemplateReply;
      const settle = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      settle?.(reply.ok ? { ok: true, markdown: reply.markdown } : { ok: false, problem: reply.problem });
    });
    if (this.available) this.mount();
  }

  /** A fresh compiler frame. */
  private mount(): void {
    const frame = document.createElement('iframe');
    frame.hidden = true;
    frame.title = 'template compiler';
    frame.dataset.testid = 'template-sandbox';
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    frame.src = browser.runtime.getURL('/templates.html');
    this.frame = frame;
    this.host.append(frame);
  }

  /**
   * A render that does not answer in time is stuck (or busy with a hostile template): its frame is
   * removed, which stops its script, and the next render gets a new one.
   */
  private remount(): void {
    this.frame?.remove();
    this.frame = undefined;
    this.mount();
  }

  /** Compiles `source` and fills it with `view` in the sandbox: Markdown, or the problem with its line and field. */
  async render(source: string, view: Record<string, unknown>, name: string): Promise<SandboxResult> {
    if (!this.available) return { ok: false, problem: { kind: 'sandbox', message: 'This browser has no sandboxed extension pages, where custom templates are compiled: use Chromium or Chrome for custom templates.' } };
    const timedOut: SandboxResult = { ok: false, problem: { kind: 'sandbox', message: 'The template compiler did not answer in time: the template may loop over too much data' } };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), this.timeoutMs)));
    try {
      if ((await Promise.race([this.ready, timeout])) === 'timeout') {
        this.remount();
        return timedOut;
      }
      const id = this.next++;
      const answer = new Promise<SandboxResult>((resolve) => this.pending.set(id, resolve));
      const request: RenderTemplateRequest = { channel: CHANNEL, id, source, view, name };
      // The sandbox has an opaque origin, so it cannot be named as the target; the frame is our own page.
      this.frame?.contentWindow?.postMessage(request, '*');
      const result = await Promise.race([answer, timeout]);
      this.pending.delete(id);
      if (result === 'timeout') {
        this.remount();
        return timedOut;
      }
      return result;
    } finally {
      clearTimeout(timer);
    }
  }
}
