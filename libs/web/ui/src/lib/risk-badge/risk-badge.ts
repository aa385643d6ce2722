import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';

/**
 * The high-risk flag, wherever a participant appears: an icon and words (never colour alone),
 * with the reason as a tooltip-free title when known. Renders nothing when not flagged.
 */
@Component({
  selector: 'lib-risk-badge',
  imports: [MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (highRisk()) {
      <span class="risk" [attr.title]="reason() || null">
        <mat-icon aria-hidden="true">warning</mat-icon>
        <span i18n="Participant flag">High risk</span>
      </span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
    }
    .risk {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 8px 2px 4px;
      border-radius: 999px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
    }
    mat-icon {
      width: 18px;
      height: 18px;
      font-size: 18px;
    }
  `,
})
export class RiskBadge {
  readonly highRisk = input(false);
  readonly reason = input<string | null | undefined>(null);
}
