import { ChangeDetectionStrategy, Component, inject, input, LOCALE_ID } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import type { ParticipantRecord } from '@waypoint/web-participant-data';
import { canonicalZone, PROGRAM_TIME_ZONE } from '@waypoint/web-clock';

/** On a flagged participant's pages: the flag in words, why, and since when. */
@Component({
  selector: 'lib-risk-banner',
  imports: [MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (participant().highRisk) {
      <section class="banner" role="note" i18n-aria-label aria-label="High risk">
        <mat-icon aria-hidden="true">warning</mat-icon>
        <div>
          <strong i18n>High risk</strong>
          @if (participant().highRiskReason; as reason) {
            <span> · {{ reason }}</span>
          }
          @if (since(); as date) {
            <span class="since" i18n>Flagged {{ date }}</span>
          }
        </div>
      </section>
    }
  `,
  styles: `
    .banner {
      display: flex;
      gap: 12px;
      align-items: flex-start;
      margin: 0 0 16px;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .since { display: block; font: var(--mat-sys-body-small); }
  `,
})
export class RiskBanner {
  readonly participant = input.required<ParticipantRecord>();
  readonly #locale = inject(LOCALE_ID);
  readonly #programZone = inject(PROGRAM_TIME_ZONE);

  /** The day it was flagged, on the program's calendar (like every day on the page), in the app's locale. */
  protected since(): string | null {
    const at = this.participant().highRiskSetAt;
    const timeZone = canonicalZone(this.#programZone()) ?? undefined;
    return at ? new Intl.DateTimeFormat(this.#locale, { dateStyle: 'medium', timeZone }).format(new Date(at)) : null;
  }
}
