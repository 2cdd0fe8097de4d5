import type { Outcome } from './outcome';
import { useQuery } from '@tanstack/react-query';
import type { RequestArgs, RequestName, RequestResults } from '../../shared/contract/requests';
import { bridge } from './bridgeRef';
import { useHomesStore } from './homes';
import { ask, asLoadable, caseKeys, queryClient } from './queries';

/**
 * Working a case at any time: its follow-ups, the advisor's due list, note revisions, and the
 * organisation's lists per line (wrap-up codes, note templates). Fetched data lives in react-query;
 * every change says which keys are stale.
 */
export const caseWorkKeys = {
  tasks: (caseId: string) => ['case', caseId, 'tasks'] as const,
  revisions: (caseId: string, noteId: string) => ['case', caseId, 'revisions', noteId] as const,
  due: ['due'] as const,
  assignees: ['assignees'] as const,
  wrapupCodes: ['wrapupCodes'] as const,
  templates: ['noteTemplates'] as const,
};


async function run<N extends RequestName>(name: N, args: RequestArgs<N>, stale: readonly (readonly unknown[])[]): Promise<Outcome<RequestResults[N]>> {
  const result = await bridge().call(name, args);
  if (result.ok) for (const queryKey of stale) void queryClient.invalidateQueries({ queryKey });
  return result;
}

export const useCaseTasks = (caseId: string) =>
  asLoadable(useQuery({ queryKey: caseWorkKeys.tasks(caseId), queryFn: async () => (await ask('cases.tasks', { caseId })).tasks }));

export const useDueTasks = (scope: 'mine' | 'site' = 'mine') =>
  asLoadable(useQuery({ queryKey: [...caseWorkKeys.due, scope], queryFn: () => ask('cases.due', { scope }), refetchInterval: 60_000 }));

export const useAssignees = () =>
  asLoadable(useQuery({ queryKey: caseWorkKeys.assignees, queryFn: async () => (await ask('cases.assignees', {})).assignees, staleTime: 5 * 60_000 }));

export const useNoteRevisions = (caseId: string, noteId: string, enabled: boolean) =>
  asLoadable(
    useQuery({
      queryKey: caseWorkKeys.revisions(caseId, noteId),
      queryFn: async () => (await ask('cases.noteRevisions', { caseId, noteId })).revisions,
      enabled,
    }),
  );

export const useWrapupCodes = (includeRetired = false) =>
  asLoadable(
    useQuery({
      queryKey: [...caseWorkKeys.wrapupCodes, includeRetired],
      queryFn: async () => (await ask('cases.wrapupCodes', { includeRetired })).codes,
      staleTime: 60_000,
    }),
  );

export const useNoteTemplates = () =>
  asLoadable(useQuery({ queryKey: caseWorkKeys.templates, queryFn: async () => (await ask('cases.noteTemplates', {})).templates, staleTime: 60_000 }));

export const caseWorkActions = {
  async updateCase(args: RequestArgs<'cases.update'>) {
    const result = await run('cases.update', args, [caseKeys.one(args.caseId)]);
    // The recent cases list shows the status too.
    if (result.ok && useHomesStore.getState().advisor.status !== 'idle') void useHomesStore.getState().loadAdvisor();
    return result;
  },
  addNote: (args: RequestArgs<'cases.addNote'>) => run('cases.addNote', args, [caseKeys.view(args.caseId)]),
  reviseNote: (args: RequestArgs<'cases.reviseNote'>) => run('cases.reviseNote', args, [caseKeys.view(args.caseId), caseWorkKeys.revisions(args.caseId, args.noteId)]),
  addTask: (args: RequestArgs<'cases.addTask'>) => run('cases.addTask', args, [caseWorkKeys.tasks(args.caseId), caseWorkKeys.due]),
  taskDone: (caseId: string, taskId: string) => run('cases.taskDone', { taskId }, [caseWorkKeys.tasks(caseId), caseWorkKeys.due]),
  saveWrapupCodes: (args: RequestArgs<'cases.saveWrapupCodes'>) => run('cases.saveWrapupCodes', args, [caseWorkKeys.wrapupCodes]),
  saveNoteTemplates: (args: RequestArgs<'cases.saveNoteTemplates'>) => run('cases.saveNoteTemplates', args, [caseWorkKeys.templates]),
};

