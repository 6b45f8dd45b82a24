// Sending side: content script and extension pages call send(type, payload) and get typed data or a
// thrown MessageFailure carrying the typed error.
import browser from 'webextension-polyfill';
import type { MessageError, MessageType, Reply, RequestOf, ResponseOf } from './protocol';

export class MessageFailure extends Error {
  override readonly name = 'MessageFailure';
  constructor(readonly error: MessageError) {
    super(error.message);
  }
}

export async function send<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  const reply = (await browser.runtime.sendMessage({ pd: 1, type, payload })) as Reply<ResponseOf<T>> | undefined;
  if (!reply) throw new MessageFailure({ code: 'internal', message: 'The extension did not answer (background not running?)' });
  if (!reply.ok) throw new MessageFailure(reply.error);
  return reply.data;
}
