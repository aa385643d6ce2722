import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { HttpErrorResponse } from '@angular/common/http';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { KeysetList } from '@waypoint/web-core';
import { CareWorkApi, type FollowUpTask, type TaskFilter } from '@waypoint/web-participant-data';
import { EmptyState, PageHeader } from '@waypoint/web-ui';
import { TaskList } from '../shared/task-list';
import { NotesToFinish } from './notes-to-finish';

/**
 * "My tasks": notes to finish first (returned by a supervisor, or drafts overdue), then the
 * caller's follow-ups by due date, so what is overdue comes first. Ticking a task completes it
 * at once; a task changed elsewhere meanwhile (409) says so and reloads.
 */
@Component({
  selector: 'lib-my-tasks-page',
  imports: [PageHeader, EmptyState, NotesToFinish, TaskList, MatButton, MatButtonToggleGroup, MatButtonToggle, MatProgressSpinner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-tasks-page.html',
  styleUrl: './my-tasks-page.scss',
})
export class MyTasksPage {
  readonly #api = inject(CareWorkApi);
  protected readonly filter = signal<TaskFilter>('open');
  protected readonly list = new KeysetList<FollowUpTask>((cursor) => this.#api.myTasks(this.filter(), cursor));
  /** Tasks being saved (their checkbox waits). */
  protected readonly saving = signal<ReadonlySet<string>>(new Set());
  /** What the last action did, for the live region. */
  protected readonly message = signal('');

  constructor() {
    this.list.reload();
  }

  protected show(filter: TaskFilter): void {
    this.filter.set(filter);
    this.message.set('');
    this.list.reload();
  }

  protected toggle(task: FollowUpTask, done: boolean): void {
    this.saving.update((ids) => new Set([...ids, task.id]));
    this.#api.setTaskDone(task, done).subscribe({
      next: (updated) => {
        this.#settled(task.id);
        // In the open list a finished task leaves; elsewhere it is replaced by its new state.
        this.list.items.update((items) =>
          this.filter() === 'open' && updated.doneAt ? items.filter((item) => item.id !== task.id) : items.map((item) => (item.id === task.id ? updated : item)),
        );
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
