// Building blocks of the message protocol: each message names who may send it and the zod schemas of
// its request and response.
import type { z } from 'zod';

export type Sender = 'content' | 'extension';

/**
 * How a message behaves while the passphrase lock is closed. By default it answers the typed error
 * 'locked'; `whileLocked: true` lets it through, and is only for messages that read no personal data.
 */
export interface MessagePolicy {
  whileLocked?: boolean;
}

export interface MessageDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  from: readonly Sender[];
  request: Req;
  response: Res;
  policy: Readonly<MessagePolicy>;
}
export const def = <Req extends z.ZodType, Res extends z.ZodType>(
  from: readonly Sender[],
  request: Req,
  response: Res,
  policy: MessagePolicy = {},
): MessageDef<Req, Res> => ({
  from,
  request,
  response,
  policy,
});

/** The few messages an overlay in a helpdesk page may send are marked ANYONE; everything else PAGES. */
export const ANYONE = ['content', 'extension'] as const;
export const PAGES = ['extension'] as const;
