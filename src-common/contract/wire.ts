// Messages of the web host's WebSocket bridge: the same contract as IPC, framed as JSON.
import { z } from 'zod';

/** The per-launch secret travels as this query parameter, on the page URL and the socket URL. */
export const webTokenParam = 'token';
export const webSocketPath = '/rpc';

export const ClientMessageSchema = z.object({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  method: z.string().max(100),
  input: z.unknown(),
});
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

export type ServerMessage =
  | { type: 'result'; id: number; result: unknown }
  | { type: 'event'; topic: string; payload: unknown };
