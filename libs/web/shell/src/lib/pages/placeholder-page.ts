import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { EmptyState, PageHeader } from '@waypoint/web-ui';

/** The words a placeholder page shows; routes pass them as data, bound to the inputs. */
export interface PlaceholderPageData {
  icon: string;
  heading: string;
  description: string;
  emptyHeading: string;
  emptyMessage: string;
}

/** A page whose feature has not arrived yet: it says what will appear here. */
@Component({
  selector: 'lib-placeholder-page',
  imports: [PageHeader, EmptyState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <lib-page-header [heading]="heading()" [description]="description()" />
    <lib-empty-state [icon]="icon()" [heading]="emptyHeading()">{{ emptyMessage() }}</lib-empty-state>
  `,
})
export class PlaceholderPage {
  readonly icon = input.required<string>();
  readonly heading = input.required<string>();
  readonly description = input.required<string>();
  readonly emptyHeading = input.required<string>();
  readonly emptyMessage = input.required<string>();
}
