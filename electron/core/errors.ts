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

/**
 * A failure of this computer's store, named for the person: a full disk, or the store held by
 * another program (a second Rapport, a backup tool). Null for anything else.
 */
export function storeTrouble(err: unknown): CoreError | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  if (code.startsWith('SQLITE_FULL')) return new CoreError('disk_full', 'This computer’s disk is full, so Rapport cannot save here. Free some space; nothing already saved is lost.');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new CoreError('store_busy', 'Rapport’s store on this computer is held by another program (a second Rapport window, or a backup). Try again in a moment.');
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR'))
    return new CoreError('store_unwritable', 'Rapport cannot write to its store on this computer (a disk or permissions problem). Tell your IT team.');
  return null;
}
