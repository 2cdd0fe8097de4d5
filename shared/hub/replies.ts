import { z } from 'zod';
import { LINES } from '../roles';
import { sessionView } from '../schemas/accounts';
import { caseView, customerView } from '../schemas/customers';
import { agentStateView } from './events';

/**
 * The hub's HTTP answers the desktop core reads and acts on, parsed as they arrive
 * (electron/core/hub-client.ts). Like the live events, these only ever gain fields: unknown keys
 * are stripped, so a newer hub's extra fields never trouble an older desktop.
 */

export const customerCard = z.object({
  customer: customerView,
  cases: z.array(caseView),
  notes: z.array(
    z.object({ caseReference: z.string(), body: z.string(), createdAt: z.number(), authorName: z.string().nullable(), siteName: z.string() }),
  ),
});

export const hubReplies = {
  /** `GET /api/version`: the hub's version and the oldest desktop it serves. */
  version: z.object({ hub: z.string().max(40), minDesktop: z.string().max(40) }),
  /** `POST /api/session`. */
  session: sessionView,
  /** `GET /api/session`: only whether it still stands matters. */
  sessionCheck: z.object({}),
  /** `GET|POST /api/agent/state`. */
  agentState: agentStateView,
  /** `GET|PUT /api/agent/not-ready-reasons`. */
  notReadyReasons: z.object({ reasons: z.array(z.string().max(200)).max(100) }),
  /** `GET /api/customers/:id`, `POST /api/customers/:id/bereavement`. */
  customerCard,
  /** `GET /api/screen-pop`: the caller's card, or null for someone new. */
  screenPop: z.object({ card: customerCard.nullable() }),
  /** `GET /api/queues`. */
  queues: z.object({ queues: z.array(z.object({ id: z.string(), name: z.string(), line: z.enum(LINES), dialledNumber: z.string() })) }),
  /** `GET /api/wrapup-codes`. */
  wrapupCodes: z.object({ codes: z.array(z.object({ id: z.string(), line: z.string(), label: z.string() })) }),
  /** `POST /api/cases` for a call: the case the call's notes go to. */
  caseOpened: z.object({ case: z.object({ id: z.string().min(1), reference: z.string() }) }),
  /** `GET /api/cases?scope=mine`. */
  cases: z.object({ cases: z.array(caseView) }),
  /** Anything whose answer the core does not read (a hang-up, a note sent, a case closed). */
  done: z.unknown(),
} as const;
