// The message protocol: one zod schema per message, shared by both ends: the messages are an
// allow-list, anything not declared here is refused. Each feature declares its messages in lib/messaging/messages/<feature>.ts; this file
// joins them. Messages marked ANYONE may come from the overlay in a helpdesk page; every other message
// is accepted only from the extension's own pages.
import { z } from 'zod';
import { CORE_MESSAGES } from './messages/core';
import { REGISTER_MESSAGES } from './messages/register';
import { DOCUMENTS_MESSAGES } from './messages/documents';
import { MANAGED_MESSAGES } from './messages/managed';
import { TRUST_MESSAGES } from './messages/trust';
import { TEAM_MESSAGES } from './messages/team';
import { BREACH_MESSAGES } from './messages/breaches';
import { DELETED_MESSAGES } from './messages/deleted';
import { CUSTOM_MESSAGES } from './messages/custom';

export type { Sender } from './define';
export { SubjectSummary } from './messages/core';

export const MESSAGES = {
  ...CORE_MESSAGES,
  ...REGISTER_MESSAGES,
  ...DOCUMENTS_MESSAGES,
  ...MANAGED_MESSAGES,
  ...TRUST_MESSAGES,
  ...TEAM_MESSAGES,
  ...BREACH_MESSAGES,
  ...DELETED_MESSAGES,
  ...CUSTOM_MESSAGES,
} as const;


export type MessageType = keyof typeof MESSAGES;
export type RequestOf<T extends MessageType> = z.input<(typeof MESSAGES)[T]['request']>;
export type ParsedRequestOf<T extends MessageType> = z.infer<(typeof MESSAGES)[T]['request']>;
export type ResponseOf<T extends MessageType> = z.infer<(typeof MESSAGES)[T]['response']>;

export const ERROR_CODES = ['invalid-message', 'forbidden', 'validation', 'not-found', 'conflict', 'storage-full', 'locked', 'internal'] as const;
export const MessageError = z.object({ code: z.enum(ERROR_CODES), message: z.string() });
export type MessageError = z.infer<typeof MessageError>;

export type Reply<T> = { ok: true; data: T } | { ok: false; error: MessageError };

/** The envelope every message travels in. */
export const Envelope = z.object({ pd: z.literal(1), type: z.string().max(60), payload: z.unknown() });

export function isMessageType(type: string): type is MessageType {
  return Object.hasOwn(MESSAGES, type);
}

/** Whether a message is answered while the passphrase lock is closed: only if its definition says so. */
export function openWhileLocked(type: string): boolean {
  return isMessageType(type) && MESSAGES[type].policy.whileLocked === true;
}
