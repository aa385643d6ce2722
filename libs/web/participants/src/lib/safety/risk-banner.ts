import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import type { ParticipantRecord } from '@waypoint/web-participant-data';

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
  protected since(): string | null {
    const at = this.participant().highRiskSetAt;
    return at ? new Date(at).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' }) : null;
  }
}
