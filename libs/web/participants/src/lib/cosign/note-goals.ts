import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { type Goal, RecoveryPlanApi } from '@waypoint/web-participant-data';
import { catchError, combineLatest, map, of, startWith, switchMap } from 'rxjs';
import { dimensionTitle, goalStatusLabel } from '../plan/plan-labels';

/** Gives each list its own heading id. */
let nextId = 0;

type GoalsState = { state: 'loading' } | { state: 'failed' } | { state: 'loaded'; goals: Goal[] };

/**
 * The participant's recovery-plan goals beside a note under review, so the reviewer can check
 * the note against them. The goals the note names come first and say so in words.
 */
@Component({
  selector: 'lib-note-goals',
  imports: [MatButton, MatIcon, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h3 class="heading" [id]="headingId" i18n>Recovery plan goals</h3>
    @switch (plan().state) {
      @case ('loading') {
        <p class="quiet" i18n>Loading the goals…</p>
      }
      @case ('failed') {
        <p class="quiet" i18n>The goals could not be loaded.</p>
        <button matButton type="button" (click)="retry()" i18n>Try again</button>
      }
      @default {
        @if (goals().length === 0) {
          <p class="quiet" i18n>No goals in the plan yet.</p>
        } @else {
          <ul class="goals" [attr.aria-labelledby]="headingId">
            @for (goal of goals(); track goal.id) {
              <li class="goal" [class.addressed]="addressed(goal)">
                <span class="dimension">{{ dimensionTitle(goal.dimension) }}</span>
                <q class="statement">{{ goal.statement }}</q>
                <span class="tags">
                  @if (addressed(goal)) {
                    <span class="tag addressed-tag"><mat-icon aria-hidden="true">link</mat-icon><ng-container i18n>In this note</ng-container></span>
                  }
                  @if (goal.status !== 'active') {
                    <span class="tag">{{ goalStatusLabel(goal.status) }}</span>
                  }
                </span>
              </li>
            }
          </ul>
        }
      }
    }
    <a class="plan-link" [routerLink]="['/participants', participantId(), 'plan']" i18n>Open the recovery plan</a>
  `,
  styles: `
    :host { display: flex; flex-direction: column; gap: 8px; }
    .heading { margin: 0; font: var(--mat-sys-title-small); }
    .quiet { margin: 0; color: var(--mat-sys-on-surface-variant); }
    .goals { display: flex; flex-direction: column; gap: 8px; margin: 0; padding: 0; list-style: none; }
    .goal {
      display: flex;
      flex-direction: column;
      gap: 2px;
      padding: 8px 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface);
    }
    /* An inset bar as well as the words, so the goals the note names stand out. */
    .goal.addressed { box-shadow: inset 4px 0 0 var(--mat-sys-primary); }
    .dimension { font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); }
    .statement { font: var(--mat-sys-body-medium); overflow-wrap: anywhere; }
    .tags:empty { display: none; }
    .tags { display: flex; flex-wrap: wrap; gap: 4px; }
    .tag {
      display: inline-flex;
      align-items: center;
      gap: 2px;
      padding: 0 8px;
      border-radius: var(--mat-sys-corner-full);
      background: var(--mat-sys-surface-container-high);
      font: var(--mat-sys-label-small);
    }
    .addressed-tag { background: var(--mat-sys-primary-container); color: var(--mat-sys-on-primary-container); }
    .addressed-tag mat-icon { width: 14px; height: 14px; font-size: 14px; }
    .plan-link { align-self: flex-start; color: var(--mat-sys-primary); }
  `,
})
export class NoteGoals {
  readonly #api = inject(RecoveryPlanApi);
  readonly participantId = input.required<string>();
  /** The goals the note names. */
  readonly goalIds = input<readonly string[]>([]);

  readonly #attempt = signal(0);
  protected readonly plan = toSignal(
    combineLatest([toObservable(this.participantId), toObservable(this.#attempt)]).pipe(
      switchMap(([id]) =>
        this.#api.plan(id).pipe(
          map((plan): GoalsState => ({ state: 'loaded', goals: plan.goals })),
          catchError(() => of<GoalsState>({ state: 'failed' })),
          startWith<GoalsState>({ state: 'loading' }),
        ),
      ),
    ),
    { initialValue: { state: 'loading' } as GoalsState },
  );
  /** The note's goals first, then the plan's order (active goals first). */
  protected readonly goals = computed(() => {
    const plan = this.plan();
    if (plan.state !== 'loaded') return [];
    const named = new Set(this.goalIds());
    return [...plan.goals.filter((goal) => named.has(goal.id)), ...plan.goals.filter((goal) => !named.has(goal.id))];
  });
  protected readonly headingId = `note-goals-${nextId++}`;
  protected readonly dimensionTitle = dimensionTitle;
  protected readonly goalStatusLabel = goalStatusLabel;

  protected addressed(goal: Goal): boolean {
    return this.goalIds().includes(goal.id);
  }

  protected retry(): void {
    this.#attempt.update((count) => count + 1);
  }
}
