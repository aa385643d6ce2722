import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { MatTooltip } from '@angular/material/tooltip';
import type { CaseloadRow } from '@waypoint/web-participant-data';

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

  /** Whole days since the last contact; null when there has been none. */
  protected readonly days = computed(() => {
    const { daysSinceContact, lastContactOn } = this.row();
    if (daysSinceContact !== undefined && daysSinceContact !== null) return daysSinceContact;
    return lastContactOn ? daysSince(lastContactOn) : null;
  });

  protected readonly overdue = computed(() => this.row().contactOverdue === true);

  protected readonly note = computed(() =>
    this.days() === null ? $localize`No contact recorded yet` : $localize`No contact in over ${this.overdueDays()}:days: days`,
  );
}

/** Calendar days from a YYYY-MM-DD date to today, on the user's calendar (no time-zone shift). */
function daysSince(value: string): number {
  const [year, month, day] = value.split('-').map(Number);
  const today = new Date();
  const then = Date.UTC(year, month - 1, day);
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.max(0, Math.round((now - then) / 86_400_000));
}
