// Building blocks of the message protocol: each message names who may send it and the zod schemas of
// its request and response.
import type { z } from 'zod';

export type Sender = 'content' | 'extension';

export interface MessageDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  from: readonly Sender[];
  request: Req;
  response: Res;
}
export const def = <Req extends z.ZodType, Res extends z.ZodType>(from: readonly Sender[], request: Req, response: Res): MessageDef<Req, Res> => ({
  from,
  request,
  response,
});

/** The few messages an overlay in a helpdesk page may send are marked ANYONE; everything else PAGES. */
export const ANYONE = ['content', 'extension'] as const;
export const PAGES = ['extension'] as const;
