import { fail, ok, requestFrame, type ReplyFrame, type Result } from '../../shared/contract/envelope';
import { requestArgs, type RequestName, type RequestResults } from '../../shared/contract/requests';
import { maskFreeText } from '../../shared/redaction';
import { describeProblems } from '../../shared/schemas/common';
import { CoreError } from './errors';

export type Handlers = {
  [N in RequestName]: (args: import('zod').infer<(typeof requestArgs)[N]>) => Promise<RequestResults[N]>;
};

const isRequestName = (name: string): name is RequestName => Object.hasOwn(requestArgs, name);

/** One router for both hosts: parse the frame, parse the args, call, wrap the result. */
export async function route(handlers: Handlers, raw: unknown): Promise<ReplyFrame | null> {
  const frame = requestFrame.safeParse(raw);
  if (!frame.success) return null; // not ours: dropped, as an untrusted sender's would be
  const { id, name, args } = frame.data;
  return { id, result: await dispatch(handlers, name, args) };
}

async function dispatch(handlers: Handlers, name: string, args: unknown): Promise<Result<unknown>> {
  if (!isRequestName(name)) return fail('unknown_request', `There is no request called ${name}.`);
  // Card data is masked here, once, before any handler, the store or the hub can see it.
  const parsed = requestArgs[name].safeParse(maskFreeText(args ?? {}));
  if (!parsed.success) return fail('invalid_request', 'Some fields need attention.', describeProblems(parsed.error));
  try {
    const handler = handlers[name] as (a: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (err) {
    if (err instanceof CoreError) return fail(err.code, err.message, err.problems);
    console.error(`[core] ${name} failed:`, err);
    return fail('internal', 'Something went wrong on this computer; it has been logged.');
  }
}
