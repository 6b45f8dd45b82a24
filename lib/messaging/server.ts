// Receiving side (background): checks the envelope, the sender and the payload before any handler
// runs, and turns every failure into a typed error (uBlock Origin's messaging, Bitwarden's allow-list).
import { describeIssues } from '../model/errors';
import type { ContentGuard } from './content-guard';
import { Envelope, isMessageType, MESSAGES, type MessageError, type MessageType, type ParsedRequestOf, type Reply, type ResponseOf, type Sender } from './protocol';

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: unknown;
}

export type Handlers = { [T in MessageType]: (payload: ParsedRequestOf<T>, sender: Sender) => Promise<ResponseOf<T>> };
/** The handlers of one feature's message group. */
export type HandlersOf<G> = { [T in keyof G & MessageType]: Handlers[T] };

export type ErrorMapper = (error: unknown) => MessageError;

/**
 * Who sent this? Only our own extension: its pages (URL on the extension origin) or its content
 * scripts (in a tab, on another origin). Anything else is refused.
 */
export function classifySender(sender: SenderInfo, extensionId: string, extensionOrigin: string): Sender | undefined {
  if (sender.id !== extensionId) return undefined;
  if (sender.url?.startsWith(extensionOrigin)) return 'extension';
  if (sender.tab) return 'content';
  return undefined;
}

/** `contentGuard` checks what schemas cannot (origins, rate limits) on messages from helpdesk pages. */
export function createDispatcher(handlers: Handlers, mapError: ErrorMapper, extensionId: string, extensionOrigin: string, contentGuard?: ContentGuard) {
  return async function dispatch(message: unknown, senderInfo: SenderInfo): Promise<Reply<unknown>> {
    const fail = (code: MessageError['code'], text: string): Reply<unknown> => ({ ok: false, error: { code, message: text } });
    const envelope = Envelope.safeParse(message);
    if (!envelope.success) return fail('invalid-message', 'Not a Privacy Desk message');
    const { type, payload } = envelope.data;
    if (!isMessageType(type)) return fail('invalid-message', `Unknown message "${type}"`);
    const sender = classifySender(senderInfo, extensionId, extensionOrigin);
    const def = MESSAGES[type];
    if (!sender || !(def.from as readonly Sender[]).includes(sender))
      return fail('forbidden', `"${type}" is not accepted from ${sender === 'content' ? 'a helpdesk page' : 'this sender'}`);
    const parsed = def.request.safeParse(payload);
    if (!parsed.success) return fail('invalid-message', `"${type}": ${describeIssues(parsed.error)}`);
    if (sender === 'content' && contentGuard) {
      const refused = contentGuard(type, parsed.data, senderInfo);
      if (refused) return { ok: false, error: refused };
    }
    try {
      const handler = handlers[type] as (p: unknown, s: Sender) => Promise<unknown>;
      return { ok: true, data: await handler(parsed.data, sender) };
    } catch (error) {
      return { ok: false, error: mapError(error) };
    }
  };
}
