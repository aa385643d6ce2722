import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * The Waypoint mark: a trail signpost on a teal tile, one board pointing on and one pointing
 * back, because recovery is rarely a straight path. Colours are fixed brand colours (not theme
 * tokens) so the mark looks the same in both themes and in the favicon (public/favicon.svg).
 */
@Component({
  selector: 'lib-logo',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'wp-logo' },
  template: `
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 40 40"
      [attr.width]="size()"
      [attr.height]="size()"
      [attr.role]="label() ? 'img' : null"
      [attr.aria-label]="label() || null"
      [attr.aria-hidden]="label() ? null : 'true'"
      focusable="false"
    >
      <rect width="40" height="40" rx="10" fill="#046b5e" />
      <rect x="18.5" y="7" width="3" height="27" rx="1.5" fill="#ffffff" />
      <path d="M10 10h16.5l4.5 4.75-4.5 4.75H10a1 1 0 0 1-1-1v-7.5a1 1 0 0 1 1-1z" fill="#e9c258" />
      <path d="M30 21.5H13.5L9 26.25 13.5 31H30a1 1 0 0 0 1-1v-7.5a1 1 0 0 0-1-1z" fill="#ffffff" />
      <rect x="13" y="32.5" width="14" height="2.5" rx="1.25" fill="#ffffff" />
    </svg>
  `,
  styles: `
    :host {
      display: inline-flex;
      line-height: 0;
    }
  `,
})
export class Logo {
  /** Width and height in CSS pixels. */
  readonly size = input(32);
  /** Accessible name; leave empty when the product name is written next to the mark. */
  readonly label = input<string>();
}
