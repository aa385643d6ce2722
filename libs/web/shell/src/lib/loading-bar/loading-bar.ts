import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import { LoadingService } from '@waypoint/web-core';

/** A thin bar across the top of the window while a navigation or request takes a moment. */
@Component({
  selector: 'lib-loading-bar',
  imports: [MatProgressBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (loading.visible()) {
      <mat-progress-bar mode="indeterminate" i18n-aria-label aria-label="Loading" />
    }
  `,
  styles: `
    :host {
      position: fixed;
      inset: 0 0 auto;
      z-index: 1100;
      pointer-events: none;
      --mat-progress-bar-active-indicator-height: 3px;
      --mat-progress-bar-track-height: 3px;
    }
  `,
})
export class LoadingBar {
  protected readonly loading = inject(LoadingService);
}
