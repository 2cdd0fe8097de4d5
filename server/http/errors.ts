import type { FieldProblem } from '../../shared/schemas/common';

/** A failure the caller can act on; anything else becomes a 500 with no internals leaked. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems?: FieldProblem[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} was not found`);
export const conflict = (message: string) => new HttpError(409, 'conflict', message);
export const badRequest = (message: string, problems?: FieldProblem[]) =>
  new HttpError(400, 'invalid_request', message, problems);
export const forbidden = (message = 'your role does not allow this') => new HttpError(403, 'forbidden', message);
