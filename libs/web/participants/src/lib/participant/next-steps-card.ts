import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { type FollowUpTask, ParticipantCareApi, RecoveryPlanApi } from '@waypoint/web-participant-data';
import { catchError, combineLatest, forkJoin, map, of, startWith, switchMap } from 'rxjs';
import { CalendarDatePipe } from '../shared/calendar-date.pipe';

/** How many open tasks the card shows; the Tasks tab has the rest. */
const SHOWN_TASKS = 5;

/** Each half stands alone: a plan that cannot be read does not hide the tasks, nor the reverse. */
type Part<T> = { kind: 'loaded'; value: T } | { kind: 'failed' };
type NextSteps = { kind: 'loading' } | { kind: 'loaded'; tasks: Part<FollowUpTask[]>; activeGoals: Part<number> };

/** What is next with this participant: the soonest open tasks and how many goals they are working on. */
@Component({
  selector: 'lib-next-steps-card',
  imports: [MatButton, MatIcon, MatProgressSpinner, RouterLink, CalendarDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './next-steps-card.html',
  styleUrl: './next-steps-card.scss',
})
export class NextStepsCard {
  readonly #care = inject(ParticipantCareApi);
  readonly #plans = inject(RecoveryPlanApi);
  readonly participantId = input.required<string>();

  readonly #attempt = signal(0);
  protected readonly state = signal<NextSteps>({ kind: 'loading' });

  constructor() {
    combineLatest([toObservable(this.participantId), toObservable(this.#attempt)])
      .pipe(
        switchMap(([id]) =>
          forkJoin({
            tasks: this.#care.tasks(id, 'open', null, SHOWN_TASKS).pipe(
              map((page): Part<FollowUpTask[]> => ({ kind: 'loaded', value: soonestOpen(page.items) })),
              catchError(() => of<Part<FollowUpTask[]>>({ kind: 'failed' })),
            ),
            activeGoals: this.#plans.plan(id).pipe(
              map((plan): Part<number> => ({ kind: 'loaded', value: plan.goals.filter((goal) => goal.status === 'active').length })),
              catchError(() => of<Part<number>>({ kind: 'failed' })),
            ),
          }).pipe(
            map((parts): NextSteps => ({ kind: 'loaded', ...parts })),
            startWith<NextSteps>({ kind: 'loading' }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((state) => this.state.set(state));
  }

  protected retry(): void {
    this.#attempt.update((n) => n + 1);
  }
}

/** Open tasks, soonest due first, at most SHOWN_TASKS, whatever order and filter the page came in. */
function soonestOpen(tasks: readonly FollowUpTask[]): FollowUpTask[] {
  return tasks
    .filter((task) => !task.doneAt)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
    .slice(0, SHOWN_TASKS);
}
