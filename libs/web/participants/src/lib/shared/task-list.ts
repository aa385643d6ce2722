import { booleanAttribute, ChangeDetectionStrategy, Component, inject, input, LOCALE_ID, output } from '@angular/core';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { FollowUpTask } from '@waypoint/web-participant-data';
import { formatCalendarDate } from './calendar-date.pipe';

/** A task ticked or unticked: the task as it was, and whether it is now done. */
export interface TaskToggle {
  readonly task: FollowUpTask;
  readonly done: boolean;
}

/**
 * A list of follow-up tasks, one row each: a checkbox that marks it done or open again, its
 * title, and its due date (the overdue marked in words and with a bar), optionally with a link
 * to the participant and who owes it. Only shows; the page saves the toggle and says what happened.
 */
@Component({
  selector: 'lib-task-list',
  imports: [MatCheckbox, MatIcon, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './task-list.html',
  styleUrl: './task-list.scss',
})
export class TaskList {
  readonly tasks = input.required<readonly FollowUpTask[]>();
  /** Ids of the tasks being saved (their checkbox waits). */
  readonly saving = input<ReadonlySet<string>>(new Set());
  /** Whether every checkbox is off, e.g. for someone who may only read. */
  readonly readonly = input(false);
  /** Whether each row links to its participant (for a list across participants). */
  readonly showParticipant = input(false, { transform: booleanAttribute });
  /** Whether each row says who owes the task. */
  readonly showOwner = input(false, { transform: booleanAttribute });
  /**
   * How a due date reads: `calendar` is the app locale's medium date ("Nov 18, 2026"); `weekday`
   * is short with the weekday and no year ("Wed, Nov 18").
   */
  readonly dateStyle = input<'calendar' | 'weekday'>('calendar');
  readonly toggled = output<TaskToggle>();

  readonly #calendar = new Intl.DateTimeFormat(inject(LOCALE_ID), { dateStyle: 'medium', timeZone: 'UTC' });

  protected dueDate(value: string): string {
    if (this.dateStyle() === 'calendar') return formatCalendarDate(value, this.#calendar);
    // A calendar date, so read as local midnight: no time-zone shift to the day before.
    const [year, month, day] = value.split('-').map(Number);
    return new Date(year, month - 1, day).toLocaleDateString(undefined, { weekday: 'short', month: 'short', day: 'numeric' });
  }
}
