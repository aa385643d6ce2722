import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { SessionStore } from '@waypoint/web-auth';
import { KeysetList } from '@waypoint/web-core';
import { CareWorkApi, type FollowUpTask, ParticipantCareApi, type TaskFilter } from '@waypoint/web-participant-data';
import { EmptyState } from '@waypoint/web-ui';
import { TaskList } from '../shared/task-list';
import { type AddTaskData, AddTaskDialog, type AddTaskResult } from './add-task-dialog';

/**
 * The Tasks tab: this participant's follow-ups, whoever owes them, by due date with the overdue
 * marked. Ticking a task completes it at once; a task changed elsewhere (409) says so and reloads.
 */
@Component({
  selector: 'lib-participant-tasks-tab',
  imports: [EmptyState, TaskList, MatButton, MatButtonToggleGroup, MatButtonToggle, MatIcon, MatProgressSpinner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './participant-tasks-tab.html',
  styleUrl: './participant-tasks-tab.scss',
})
export class ParticipantTasksTab {
  readonly #care = inject(ParticipantCareApi);
  readonly #tasks = inject(CareWorkApi);
  readonly #dialog = inject(MatDialog);
  readonly #session = inject(SessionStore);
  /** The participant's id, from the shell's route. */
  readonly id = input.required<string>();

  protected readonly canWrite = computed(() => this.#session.can('participants:write'));
  protected readonly filter = signal<TaskFilter>('open');
  protected readonly list = new KeysetList<FollowUpTask>((cursor) => this.#care.tasks(this.id(), this.filter(), cursor));
  /** Tasks being saved (their checkbox waits). */
  protected readonly saving = signal<ReadonlySet<string>>(new Set());
  /** What the last action did, for the live region. */
  protected readonly message = signal('');

  constructor() {
    // From the first page again whenever the participant or the filter changes.
    effect(() => {
      this.id();
      this.filter();
      untracked(() => this.list.reload());
    });
  }

  protected show(filter: TaskFilter): void {
    this.message.set('');
    this.filter.set(filter);
  }

  protected add(): void {
    this.message.set('');
    this.#dialog
      .open<AddTaskDialog, AddTaskData, AddTaskResult>(AddTaskDialog, {
        width: '480px',
        maxWidth: 'calc(100vw - 32px)',
        autoFocus: 'first-tabbable',
        data: { participantId: this.id(), timeZone: this.#session.user()?.timeZone },
      })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        this.message.set($localize`Task added: “${result.saved.title}:title:”.`);
        // Read again rather than guess where the new task falls in the list's order.
        if (this.filter() === 'done') this.filter.set('open');
        else this.list.reload();
      });
  }

  protected toggle(task: FollowUpTask, done: boolean): void {
    this.saving.update((ids) => new Set([...ids, task.id]));
    this.#tasks.setTaskDone(task, done).subscribe({
      next: (updated) => {
        this.#settled(task.id);
        // A task that no longer fits the filter leaves; otherwise it is replaced by its new state.
        const leaves = (this.filter() === 'open' && updated.doneAt) || (this.filter() === 'done' && !updated.doneAt);
        this.list.items.update((items) => (leaves ? items.filter((item) => item.id !== task.id) : items.map((item) => (item.id === task.id ? updated : item))));
        this.message.set(done ? $localize`Marked “${task.title}:title:” done.` : $localize`“${task.title}:title:” is open again.`);
      },
      error: (error: unknown) => {
        this.#settled(task.id);
        this.message.set(
          error instanceof HttpErrorResponse && error.status === 409
            ? $localize`This task was changed elsewhere; the list has been refreshed.`
            : $localize`The task could not be saved. Check your connection and try again.`,
        );
        this.list.reload();
      },
    });
  }

  #settled(id: string): void {
    this.saving.update((ids) => new Set([...ids].filter((other) => other !== id)));
  }
}
