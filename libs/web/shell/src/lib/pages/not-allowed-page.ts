import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { EmptyState, PageHeader } from '@waypoint/web-ui';

/**
 * Where route guards send someone whose role may not open a page: a clear "not for you" with
 * the way back, instead of a blank screen. It names no details of what was there.
 */
@Component({
  selector: 'lib-not-allowed-page',
  imports: [PageHeader, EmptyState, MatButton, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <lib-page-header i18n-heading heading="Not available to you" />
    <lib-empty-state icon="lock" i18n-heading heading="Your role does not include this page">
      <ng-container i18n
        >If you need it for your work, ask your program administrator to change your role.</ng-container
      >
      <div emptyStateActions>
        <a matButton="filled" routerLink="/" i18n>Go to your start page</a>
      </div>
    </lib-empty-state>
  `,
})
export class NotAllowedPage {}
