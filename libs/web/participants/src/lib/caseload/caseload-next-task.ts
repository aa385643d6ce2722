import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import type { CaseloadRow } from '@waypoint/web-participant-data';
import { PROGRAM_TIME_ZONE } from '@waypoint/web-clock';
import { todayIn } from '../status/calendar-date';

/** The earliest open follow-up of a caseload row. */
export type CaseloadTask = NonNullable<CaseloadRow['nextTask']>;

/**
 * A participant's next follow-up ("Call about housing · due Nov 20", overdue in words and with an
 * icon) and a "Mark done" button. It lives beside the row's link, never inside it, so pressing
 * the button does not open the record; the page does the saving.
 */
@Component({
  selector: 'lib-caseload-next-task',
  imports: [MatButton, MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="text">
      <span class="title">{{ task().title }}</span>
      <span class="due" [class.late]="overdue()">
        @if (overdue()) {
          <mat-icon aria-hidden="true">schedule</mat-icon>
          <ng-container i18n>Overdue: due {{ due() }}</ng-container>
        } @else {
          <ng-container i18n>Due {{ due() }}</ng-container>
        }
      </span>
    </span>
    <!-- Stays focusable while saving (aria-disabled), so keyboard focus is not dropped mid-save. -->
    <button
      matButton
      type="button"
      class="done"
      [disabled]="saving()"
      [disabledInteractive]="true"
      [attr.aria-label]="label()"
      (click)="done($event)"
    >
      <mat-icon>check</mat-icon>
      <span i18n>Mark done</span>
    </button>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0 8px;
    }
    .text {
      display: flex;
      flex-direction: column;
      min-width: 0;
    }
    .title {
      overflow-wrap: anywhere;
    }
    .due {
      display: inline-flex;
      align-items: center;
      gap: 2px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);

      mat-icon {
        width: 16px;
        height: 16px;
        font-size: 16px;
      }
    }
    .late {
      color: var(--mat-sys-error);
      font-weight: 500;
    }
    .done {
      flex: none;
    }
  `,
})
export class CaseloadNextTask {
  readonly task = input.required<CaseloadTask>();
  /** Whether the task is being saved (the button waits). */
  readonly saving = input(false);
  /** The person asked to mark the task done. */
  readonly markDone = output<void>();

  readonly #programZone = inject(PROGRAM_TIME_ZONE);

  /** Due before the program's today (its calendar, as the API's "overdue"), not the browser's. */
  protected readonly overdue = computed(() => this.task().dueOn < todayIn(this.#programZone()));
  protected readonly due = computed(() => dueDate(this.task().dueOn).toLocaleDateString(undefined, { month: 'short', day: 'numeric' }));
  /** Starts with the visible words, so voice control finds it (WCAG 2.5.3). */
  protected readonly label = computed(() => $localize`Mark done: ${this.task().title}:title:`);

  protected done(event: Event): void {
    // A row may one day be clickable as a whole; the button must never open the record.
    event.stopPropagation();
    if (!this.saving()) this.markDone.emit();
  }
}

/** A YYYY-MM-DD date at local midnight (no time-zone shift). */
function dueDate(value: string): Date {
  const [year, month, day] = value.split('-').map(Number);
  return new Date(year, month - 1, day);
}
