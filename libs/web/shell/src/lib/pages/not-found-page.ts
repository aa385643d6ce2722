import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { EmptyState, PageHeader } from '@waypoint/web-ui';

/** Any address the router does not know; offers the way back instead of a dead end. */
@Component({
  selector: 'lib-not-found-page',
  imports: [PageHeader, EmptyState, MatButton, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <lib-page-header i18n-heading heading="Page not found" />
    <lib-empty-state icon="wrong_location" i18n-heading heading="There is nothing at this address">
      <ng-container i18n>The link may be mistyped, or the page may have moved.</ng-container>
      <div emptyStateActions>
        <a matButton="filled" routerLink="/" i18n>Go to your start page</a>
      </div>
    </lib-empty-state>
  `,
})
export class NotFoundPage {}
