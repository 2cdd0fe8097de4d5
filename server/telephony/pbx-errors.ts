import type { PbxStatus } from '../../shared/telephony/pbx-status';
import { HttpError } from '../http/errors';
import { AmiActionError, isShuttingDown } from './ami/client';

/** What a gateway throws when the PBX cannot act on what it was asked: the request was wrong for the call. */
export class PbxCallError extends Error {
  override name = 'PbxCallError';
}

/**
 * A failed PBX action as the advisor's client should hear it: the phone system away or stopping
 * is 503 (try again shortly), a refusal by the PBX is 422 with the PBX's own words, a call the
 * gateway cannot act on is 409. Never a bare 500.
 */
export function pbxHttpError(err: unknown, status: PbxStatus | null): HttpError {
  if (err instanceof HttpError) return err;
  if (err instanceof PbxCallError) return new HttpError(409, 'call_not_actionable', err.message);
  const pbxMessage = err instanceof AmiActionError ? err.response?.get('Message') : undefined;
  if (err instanceof AmiActionError && err.response && !isShuttingDown(pbxMessage)) {
    return new HttpError(422, 'pbx_refused', `The phone system refused: ${pbxMessage ?? 'no reason given'}.`);
  }
  const why = isShuttingDown(pbxMessage) ? 'the phone system is shutting down' : (status?.reason ?? (err instanceof Error ? err.message : 'not connected'));
  return new HttpError(503, 'pbx_unavailable', `The phone system is not connected to the hub right now (${why}); nothing was changed.`, undefined, {
    'retry-after': '5',
  });
}
