// Follows the active ticket: re-reads on URL changes and on DOM changes under the adapter's observe
// root, and reports a new state only when the ticket (or its thread) actually changed. Each ticket gets
// its own AbortSignal, aborted the moment the agent moves on, so late answers about the previous ticket
// are dropped (refined-github's feature-manager).
import type { HelpdeskAdapter } from '../../lib/hosts/adapter';
import type { TicketContext } from '../../lib/model/helpdesk';
import { SelectorNotFoundError } from '../../lib/dom/query';

export type TicketState =
  | { kind: 'none' }
  | { kind: 'ticket'; ticket: TicketContext; anchor: Element | null; signal: AbortSignal }
  | { kind: 'unrecognised'; error: SelectorNotFoundError };

export const OVERLAY_TAG = 'privacy-desk-overlay';

export class TicketWatcher {
  private observer?: MutationObserver;
  private lastKey = '';
  private controller = new AbortController();
  private scheduled = false;

  constructor(
    private readonly adapter: HelpdeskAdapter,
    private readonly document: Document,
    private readonly onChange: (state: TicketState) => void,
    /** Called after every re-read (and render) with its start time; the test flavour marks it for the bench. */
    private readonly onTiming?: (started: number) => void,
  ) {}

  start() {
    const root = this.adapter.observeRoot?.(this.document) ?? this.document.body;
    this.observer = new MutationObserver((records) => {
      // Our own overlay's mounting is no reason to re-read the page.
      if (records.every((r) => isOurs(r.target) || [...r.addedNodes, ...r.removedNodes].every(isOurs))) return;
      this.schedule();
    });
    // Observe the whole body too: SPAs replace the observe root itself on navigation.
    this.observer.observe(this.document.body, { childList: true, subtree: true, characterData: true });
    if (root && root !== this.document.body) this.observer.observe(root, { childList: true, subtree: true, characterData: true });
    this.document.defaultView?.addEventListener('popstate', this.check);
    this.document.defaultView?.addEventListener('hashchange', this.check);
    this.check();
  }

  stop() {
    this.observer?.disconnect();
    this.controller.abort();
    this.document.defaultView?.removeEventListener('popstate', this.check);
    this.document.defaultView?.removeEventListener('hashchange', this.check);
  }

  private schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    // A microtask batches a burst of mutations yet reacts well within a frame.
    queueMicrotask(() => {
      this.scheduled = false;
      this.check();
    });
  }

  readonly check = () => {
    const started = performance.now();
    try {
      this.read();
    } finally {
      this.onTiming?.(started);
    }
  };

  private read() {
    const url = new URL(this.document.location.href);
    let state: TicketState;
    let key: string;
    try {
      const ticket = this.adapter.readTicket(this.document, url);
      if (ticket) {
        const anchor = this.adapter.anchor(this.document);
        key = `t:${ticket.ticketId}:${ticket.requesterEmail ?? ''}:${ticket.requesterName ?? ''}:${ticket.messages.length}:${ticket.messages.at(-1)?.text.length ?? 0}:${anchorKey(anchor)}`;
        if (key === this.lastKey) return;
        const sameTicket = this.lastKey.startsWith(`t:${ticket.ticketId}:`);
        if (!sameTicket) this.renew();
        state = { kind: 'ticket', ticket, anchor, signal: this.controller.signal };
      } else {
        key = 'none';
        if (key === this.lastKey) return;
        this.renew();
        state = { kind: 'none' };
      }
    } catch (error) {
      if (!(error instanceof SelectorNotFoundError)) throw error;
      key = `error:${error.selectorName}:${url.href}`;
      if (key === this.lastKey) return;
      this.renew();
      state = { kind: 'unrecognised', error };
    }
    this.lastKey = key;
    this.onChange(state);
  }

  private renew() {
    this.controller.abort();
    this.controller = new AbortController();
  }
}

const anchorIds = new WeakMap<Element, number>();
let nextAnchorId = 1;
/** Identity of the anchor element: when the host rebuilds it, the overlay must re-attach. */
function anchorKey(anchor: Element | null): number {
  if (!anchor) return 0;
  if (!anchor.isConnected) return -1;
  let id = anchorIds.get(anchor);
  if (!id) anchorIds.set(anchor, (id = nextAnchorId++));
  return anchor.querySelector(OVERLAY_TAG) || anchor.nextElementSibling?.tagName.toLowerCase() === OVERLAY_TAG ? id : -id;
}

function isOurs(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!el && (el.tagName.toLowerCase() === OVERLAY_TAG || !!el.closest?.(OVERLAY_TAG));
}
