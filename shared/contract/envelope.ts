import { z } from 'zod';
import type { FieldProblem } from '../schemas/common';

/**
 * One message format for both hosts (Electron MessagePort, browser-mode WebSocket):
 * `{id, name, args}` asks; `{id, result}` answers; `{push, data}` tells. Handlers return a
 * result envelope instead of throwing across the bridge.
 */
export interface BridgeError {
  code: string;
  message: string;
  problems?: FieldProblem[];
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

export const requestFrame = z.object({
  id: z.number().int().nonnegative(),
  name: z.string().min(1).max(80),
  args: z.unknown(),
});
export type RequestFrame = z.infer<typeof requestFrame>;

export interface ReplyFrame {
  id: number;
  result: Result<unknown>;
}
export interface PushFrame {
  push: string;
  data: unknown;
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: string, message: string, problems?: FieldProblem[]): Result<never> => ({
  ok: false,
  error: { code, message, ...(problems ? { problems } : {}) },
});
