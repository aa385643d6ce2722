import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { EmptyState, PageHeader } from '@waypoint/web-ui';

/** The words a placeholder page shows; routes pass them as data, bound to the inputs. */
export interface PlaceholderPageData {
  icon: string;
  heading: string;
  /** What the feature will do, said as a plan ("… are coming in a later release"). */
  coming: string;
}

/**
 * A page whose feature has not arrived yet. It says so plainly and nothing else: no "nothing
 * to review" or "your referrals" that would claim something about the person's data, which
 * this page never reads. Nobody lands here after signing in (nav-items.ts, `comingLater`).
 */
@Component({
  selector: 'lib-placeholder-page',
  imports: [PageHeader, EmptyState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <lib-page-header [heading]="heading()" />
    <lib-empty-state [icon]="icon()" [heading]="comingHeading">
      {{ coming() }}
      <span emptyStateActions><ng-content /></span>
    </lib-empty-state>
  `,
})
export class PlaceholderPage {
  readonly icon = input.required<string>();
  readonly heading = input.required<string>();
  readonly coming = input.required<string>();
  protected readonly comingHeading = $localize`:Heading of a page whose feature is not built yet:Coming in a later release`;
}
