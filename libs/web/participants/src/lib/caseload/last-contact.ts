import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { MatTooltip } from '@angular/material/tooltip';
import type { CaseloadRow } from '@waypoint/web-participant-data';
import { PROGRAM_TIME_ZONE } from '@waypoint/web-clock';
import { todayIn } from '../status/calendar-date';

/**
 * When someone last had contact with the participant: "Today", "3 days ago", "No contact yet".
 * Past the program's threshold it turns the warning colour and gains an icon whose label says
 * the threshold, so the warning is never colour alone and screen readers hear why.
 */
@Component({
  selector: 'lib-last-contact',
  imports: [MatIcon, MatTooltip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="contact" [class.overdue]="overdue()">
      @if (overdue()) {
        <!-- The tooltip repeats the icon's label, so it is not announced twice. -->
        <mat-icon role="img" [attr.aria-label]="note()" [matTooltip]="note()">history</mat-icon>
      }
      @if (days() === null) {
        <ng-container i18n>No contact yet</ng-container>
      } @else if (labelled()) {
        <ng-container i18n>Last contact {days(), plural, =0 {today} =1 {yesterday} other {{{ days() }} days ago}}</ng-container>
      } @else {
        <ng-container i18n>{days(), plural, =0 {Today} =1 {Yesterday} other {{{ days() }} days ago}}</ng-container>
      }
    </span>
  `,
  styles: `
    .contact {
      display: inline-flex;
      align-items: center;
      gap: 4px;
    }
    .overdue {
      color: var(--mat-sys-error);
      font-weight: 500;
    }
    mat-icon {
      width: 18px;
      height: 18px;
      font-size: 18px;
    }
  `,
})
export class LastContact {
  readonly row = input.required<Pick<CaseloadRow, 'lastContactOn' | 'daysSinceContact' | 'contactOverdue'>>();
  /** The program's threshold, from the caseload page. */
  readonly overdueDays = input.required<number>();
  /** Whether to say "Last contact" before the time (on a card, where there is no column header). */
  readonly labelled = input(false);

  readonly #programZone = inject(PROGRAM_TIME_ZONE);

  /** Whole days since the last contact; null when there has been none. */
  protected readonly days = computed(() => {
    const { daysSinceContact, lastContactOn } = this.row();
    if (daysSinceContact !== undefined && daysSinceContact !== null) return daysSinceContact;
    return lastContactOn ? daysSince(lastContactOn, todayIn(this.#programZone())) : null;
  });

  protected readonly overdue = computed(() => this.row().contactOverdue === true);

  protected readonly note = computed(() =>
    this.days() === null ? $localize`No contact recorded yet` : $localize`No contact in over ${this.overdueDays()}:days: days`,
  );
}

/** Calendar days from one YYYY-MM-DD date to another (today on the program's calendar). */
function daysSince(value: string, today: string): number {
  const days = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${value.slice(0, 10)}T00:00:00Z`)) / 86_400_000;
  return Number.isNaN(days) ? 0 : Math.max(0, Math.round(days));
}
