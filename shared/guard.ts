/**
 * Every listener (an HTTP request, a WebSocket frame, a TCP chunk, a child's message) runs its work
 * through `guarded`: whatever the work throws, at once or later from a promise, reaches `onError`
 * instead of stopping the process. `onError` should log first; if it throws in turn, that second
 * failure is dropped (a listener's error path must never be what stops a process).
 */
export function guarded<A extends unknown[]>(
  work: (...args: A) => unknown,
  onError: (err: unknown, ...args: A) => void,
): (...args: A) => void {
  const fail = (err: unknown, args: A): void => {
    try {
      onError(err, ...args);
    } catch {
      /* see above: nothing left to tell */
    }
  };
  return (...args: A): void => {
    try {
      const result = work(...args);
      if (result instanceof Promise) result.catch((err: unknown) => fail(err, args));
    } catch (err) {
      fail(err, args);
    }
  };
}

/** The part of a Node HTTP response the fallback needs (structural, as shared/ has no Node). */
export interface Answerable {
  readonly headersSent: boolean;
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(body?: string): unknown;
  destroy(): unknown;
}

/** An HTTP request listener whose unexpected failure is reported and answered 500 (or cut if it had started answering). */
export function guardedRequests<Req, Res extends Answerable>(
  handler: (req: Req, res: Res) => unknown,
  report: (err: unknown) => void,
): (req: Req, res: Res) => void {
  return guarded(handler, (err, _req, res) => {
    report(err);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.writeHead(500, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ error: { code: 'internal', message: 'Something unexpected went wrong; it has been logged.' } }));
  });
}
