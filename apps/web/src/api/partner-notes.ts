import type {
  createPartnerNoteBody,
  createPartnerTaskBody,
  PartnerTask,
  updatePartnerTaskBody,
} from '@partnergraph/shared/contracts/partner-notes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call, http } from './client';
import { pagedQueryOptions } from './paged';

export type { PartnerNote, PartnerTask } from '@partnergraph/shared/contracts/partner-notes';
export type CreateNoteInput = (typeof createPartnerNoteBody)['_input'];
export type CreateTaskInput = (typeof createPartnerTaskBody)['_input'];
export type UpdateTaskInput = (typeof updatePartnerTaskBody)['_input'];

const PAGE_SIZE = 25;

export const partnerNoteKeys = {
  notes: (id: string) => ['partners', 'detail', id, 'notes'] as const,
  tasks: (id: string) => ['partners', 'detail', id, 'tasks'] as const,
};

export const partnerNotesQueryOptions = (id: string) =>
  pagedQueryOptions(
    partnerNoteKeys.notes(id),
    (page, signal) =>
      call(http.GET('/partners/{id}/notes', { params: { path: { id }, query: { ...page } }, signal })),
    PAGE_SIZE,
  );

export const partnerTasksQueryOptions = (id: string) =>
  pagedQueryOptions(
    partnerNoteKeys.tasks(id),
    (page, signal) =>
      call(
        http.GET('/partners/{id}/tasks', {
          params: { path: { id }, query: { status: 'all', ...page } },
          signal,
        }),
      ),
    PAGE_SIZE,
  );

/** Every change reloads the list it touched; it also wrote an audit entry. */
function useRefresh(key: readonly unknown[]) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: key }),
      queryClient.invalidateQueries({ queryKey: ['audit-log'] }),
    ]);
}

export function useCreateNote(partnerId: string) {
  const refresh = useRefresh(partnerNoteKeys.notes(partnerId));
  return useMutation({
    mutationFn: (body: CreateNoteInput) =>
      call(http.POST('/partners/{id}/notes', { params: { path: { id: partnerId } }, body })),
    onSuccess: refresh,
  });
}

export function useDeleteNote(partnerId: string) {
  const refresh = useRefresh(partnerNoteKeys.notes(partnerId));
  return useMutation({
    mutationFn: (noteId: string) =>
      call(http.DELETE('/partners/{id}/notes/{noteId}', { params: { path: { id: partnerId, noteId } } })),
    onSuccess: refresh,
  });
}

export function useCreateTask(partnerId: string) {
  const refresh = useRefresh(partnerNoteKeys.tasks(partnerId));
  return useMutation({
    mutationFn: (body: CreateTaskInput) =>
      call(http.POST('/partners/{id}/tasks', { params: { path: { id: partnerId } }, body })),
    onSuccess: refresh,
  });
}

/** Done or open again: the action that moves the task there. A stale version (409) reloads the list. */
export function useSetTaskDone(partnerId: string) {
  const refresh = useRefresh(partnerNoteKeys.tasks(partnerId));
  return useMutation({
    mutationFn: ({ task, done }: { task: PartnerTask; done: boolean }) =>
      call(
        http.POST(`/partners/{id}/tasks/{taskId}/${done ? 'complete' : 'reopen'}`, {
          params: { path: { id: partnerId, taskId: task.id } },
          body: { version: task.version },
        }),
      ),
    onSettled: refresh,
  });
}

export function useDeleteTask(partnerId: string) {
  const refresh = useRefresh(partnerNoteKeys.tasks(partnerId));
  return useMutation({
    mutationFn: (taskId: string) =>
      call(http.DELETE('/partners/{id}/tasks/{taskId}', { params: { path: { id: partnerId, taskId } } })),
    onSuccess: refresh,
  });
}
