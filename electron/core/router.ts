import { fail, ok, requestFrame, type ReplyFrame, type Result } from '../../shared/contract/envelope';
import { requestArgs, type RequestName, type RequestResults } from '../../shared/contract/requests';
import { maskFreeText } from '../../shared/redaction';
import { relayedReplies } from '../../shared/hub/relayed';
import { describeProblems } from '../../shared/schemas/common';
import { CoreError, storeTrouble } from './errors';

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
    const result = await handler(parsed.data);
    const reply = relayedReplies[name];
    if (!reply) return ok(result);
    // A hub answer on its way to a screen: parsed here, so a malformed one is an error the screen shows.
    const checked = reply.safeParse(result);
    if (checked.success) return ok(checked.data);
    console.error(`[core] the hub's answer to ${name} did not parse:`, describeProblems(checked.error).slice(0, 5));
    return fail('hub_bad_reply', 'The hub sent an answer this desktop does not understand. Try again; if it persists, tell your administrator (the desktop may need updating).');
  } catch (err) {
    if (err instanceof CoreError) return fail(err.code, err.message, err.problems);
    console.error(`[core] ${name} failed:`, err);
    const trouble = storeTrouble(err);
    if (trouble) return fail(trouble.code, trouble.message);
    return fail('internal', 'Something went wrong on this computer; it has been logged.');
  }
}
