import { z } from 'zod';
import type { Line } from '../../shared/roles';
import { describeProblems } from '../../shared/schemas/common';
import { lineParam, noteTemplateList, wrapupCodeList } from '../../shared/schemas/cases';
import { audit } from '../audit';
import { noteTemplates, replaceNoteTemplates, replaceWrapupCodes, wrapupCodes } from '../cases/lists';
import { badRequest } from '../http/errors';
import { route } from '../http/router';

function lineOf(value: string | undefined): Line {
  const parsed = lineParam.safeParse(value);
  if (!parsed.success) throw badRequest('Unknown line: use food, funeralcare or membership.', describeProblems(parsed.error).map((p) => ({ ...p, path: 'line' })));
  return parsed.data;
}

const codesQuery = z.object({ includeRetired: z.enum(['true', 'false']).default('false') });

/** The lists an organisation admin keeps per line for every site: wrap-up codes and note templates. */
export const caseListRoutes = [
  route({
    method: 'GET',
    path: '/api/wrapup-codes',
    access: 'signed_in',
    summary: 'Wrap-up codes for each line, with whether each means a death (retired ones too with includeRetired=true)',
    query: codesQuery,
    async handle({ hub, query }) {
      return { body: { codes: await wrapupCodes(hub.db, { includeRetired: query.includeRetired === 'true' }) } };
    },
  }),
  route({
    method: 'PUT',
    path: '/api/wrapup-codes/:line',
    access: ['org_admin'],
    summary: 'Replace one line’s wrap-up codes (in order; a code left out is retired, old cases keep its label)',
    body: wrapupCodeList,
    async handle({ hub, actor, params, body }) {
      const line = lineOf(params.line);
      const codes = await hub.db.tx(async (q) => {
        const before = await wrapupCodes(q, { line });
        await replaceWrapupCodes(q, line, body.codes);
        const after = await wrapupCodes(q, { line, includeRetired: true });
        await audit(q, actor, { action: 'wrapup.codes_changed', entity: 'organisation', detail: { line, before, after } });
        return after;
      });
      return { body: { codes } };
    },
  }),
  route({
    method: 'GET',
    path: '/api/note-templates',
    access: 'signed_in',
    summary: 'Note templates for each line, in order',
    async handle({ hub }) {
      return { body: { templates: await noteTemplates(hub.db) } };
    },
  }),
  route({
    method: 'PUT',
    path: '/api/note-templates/:line',
    access: ['org_admin'],
    summary: 'Replace one line’s note templates (in order)',
    body: noteTemplateList,
    async handle({ hub, actor, params, body }) {
      const line = lineOf(params.line);
      const templates = await hub.db.tx(async (q) => {
        const before = await noteTemplates(q, line);
        await replaceNoteTemplates(q, line, body.templates);
        const after = await noteTemplates(q, line);
        await audit(q, actor, { action: 'note_templates.changed', entity: 'organisation', detail: { line, before, after } });
        return after;
      });
      return { body: { templates } };
    },
  }),
];

