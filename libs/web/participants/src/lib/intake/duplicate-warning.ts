import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { statusLabel, type DuplicateCandidate } from '@waypoint/web-participant-data';
import type { DuplicateCareTeamContact } from '@waypoint/shared-contracts';

/**
 * People already on record who may be the one being taken in. The person doing intake either
 * opens that record or says plainly that this is someone new; nothing is merged silently.
 * A match outside their care team is not described at all (the API sends no name, birthday or
 * status for it): only that it exists, and whom on its care team to ask.
 */
@Component({
  selector: 'lib-duplicate-warning',
  imports: [ReactiveFormsModule, MatCheckbox, MatIcon, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="warning" aria-labelledby="duplicate-heading">
      <h2 id="duplicate-heading" tabindex="-1">
        <mat-icon aria-hidden="true">warning</mat-icon>
        <span i18n>This person may already be on record</span>
      </h2>
      @if (anyOpenable()) {
        <p i18n>Someone with a similar name and the same date of birth exists. Open their record rather than adding them twice.</p>
      } @else {
        <p i18n>Someone with a similar name and the same date of birth is on record. Check with their care team rather than adding them twice.</p>
      }
      <ul class="candidates">
        @for (candidate of candidates(); track $index) {
          <li>
            @if (candidate.inYourCaseload) {
              <span class="who">
                <strong>{{ candidate.displayName }}</strong>
                <span class="meta">
                  <ng-container i18n>Born {{ date(candidate.dateOfBirth) }}</ng-container> · {{ statusLabel(candidate.status) }}
                </span>
              </span>
              <a class="open" [routerLink]="['/participants', candidate.id]" i18n>Open record</a>
            } @else {
              <span class="who">
                <strong i18n>A likely match in another care team</strong>
                <span class="meta">{{ contactAdvice(candidate.careTeamContact) }}</span>
              </span>
            }
          </li>
        }
      </ul>
      <mat-checkbox [formControl]="confirmed()" i18n>None of these — this is a new person</mat-checkbox>
    </section>
  `,
  styles: `
    .warning {
      padding: 16px;
      border: 1px solid var(--mat-sys-error);
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    h2 { display: flex; align-items: center; gap: 8px; margin: 0 0 8px; font: var(--mat-sys-title-medium); }
    h2:focus { outline: none; }
    p { margin: 0 0 12px; }
    .candidates { display: flex; flex-direction: column; gap: 8px; margin: 0 0 8px; padding: 0; list-style: none; }
    li { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 4px 16px; }
    .who { display: flex; flex-direction: column; }
    .meta { font: var(--mat-sys-body-small); }
    .open { color: inherit; font: var(--mat-sys-label-large); padding: 12px 0; }
  `,
})
export class DuplicateWarning {
  readonly candidates = input.required<readonly DuplicateCandidate[]>();
  /** Whether the person doing intake says this is none of the candidates. */
  readonly confirmed = input.required<FormControl<boolean>>();
  protected readonly statusLabel = statusLabel;
  /** Whether any match is the reader's to open (else the advice is to ask, not to open). */
  protected readonly anyOpenable = computed(() => this.candidates().some((candidate) => candidate.inYourCaseload));

  /** Whom to ask whether it is the same person: the match's care team, or the reader's supervisor. */
  protected contactAdvice({ specialistName: specialist, supervisorName: supervisor }: DuplicateCareTeamContact): string {
    if (specialist && supervisor) {
      return $localize`Before adding them, ask ${specialist}:specialist: (peer specialist) or ${supervisor}:supervisor: (supervisor) whether this is the same person.`;
    }
    if (specialist) return $localize`Before adding them, ask ${specialist}:specialist:, their peer specialist, whether this is the same person.`;
    if (supervisor) return $localize`Before adding them, ask ${supervisor}:supervisor:, the supervisor of their care team, whether this is the same person.`;
    return $localize`Nobody is assigned to them now: ask your supervisor before adding them.`;
  }

  protected date(value: string): string {
    const [year, month, day] = value.split('-').map(Number);
    return new Date(year, month - 1, day).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
  }
}
