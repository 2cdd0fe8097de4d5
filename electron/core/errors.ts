import type { FieldProblem } from '../../shared/schemas/common';

/** A failure the renderer can show as it is; it crosses the bridge as an error result. */
export class CoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly problems?: FieldProblem[],
    readonly status?: number,
  ) {
    super(message);
  }
}

export const hubUnreachable = () =>
  new CoreError('hub_unreachable', 'The hub cannot be reached. Knowledge saved on this computer still works.');
