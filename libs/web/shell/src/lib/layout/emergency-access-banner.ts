import { ChangeDetectionStrategy, Component, DestroyRef, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { DateTimePipe } from '@waypoint/web-ui';
import { EmergencyAccessStore } from '@waypoint/web-participant-data';

/** How often the banner re-checks expiry (a grant ends on the minute it says). */
const TICK_MS = 15_000;

/**
 * Shown above every page while the signed-in person holds emergency access: to whom, until
 * when, and that it is recorded. It cannot be dismissed; it ends when the access ends.
 */
@Component({
  selector: 'lib-emergency-access-banner',
  imports: [MatIcon, MatButton, RouterLink, DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (grant of store.active(); track grant.id) {
      <section class="banner" i18n-aria-label aria-label="Emergency access">
        <mat-icon aria-hidden="true">emergency</mat-icon>
        <p class="text" i18n>
          Emergency access to <strong>{{ grant.participantName }}</strong> until
          {{ grant.expiresAt | dateTime }}. Everything you open is recorded and will be reviewed.
        </p>
        <a matButton="outlined" class="open" [routerLink]="['/emergency-access/participants', grant.participantId]" i18n>Open record</a>
      </section>
    }
  `,
  styles: `
    .banner {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      margin: 0 0 16px;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .text {
      flex: 1 1 240px;
      margin: 0;
      font: var(--mat-sys-body-medium);
    }
    .open {
      --mat-button-outlined-label-text-color: var(--mat-sys-on-error-container);
      --mat-button-outlined-outline-color: var(--mat-sys-on-error-container);
    }
  `,
})
export class EmergencyAccessBanner {
  protected readonly store = inject(EmergencyAccessStore);

  constructor() {
    this.store.refresh();
    const timer = setInterval(() => this.store.tick(), TICK_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }
}
