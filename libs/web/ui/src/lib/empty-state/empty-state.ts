import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCard } from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';

/**
 * What a page shows while it has nothing to list: an icon, a short heading, and a sentence
 * (projected) on what will appear here. Put buttons in an element marked `emptyStateActions`.
 */
@Component({
  selector: 'lib-empty-state',
  imports: [MatCard, MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" class="card">
      <div class="badge" aria-hidden="true">
        <mat-icon class="icon">{{ icon() }}</mat-icon>
      </div>
      <h2 class="heading">{{ heading() }}</h2>
      <p class="message"><ng-content /></p>
      <div class="actions"><ng-content select="[emptyStateActions]" /></div>
    </mat-card>
  `,
  styles: `
    :host {
      display: block;
    }
    .card {
      align-items: center;
      text-align: center;
      padding: 48px 24px;
      background: var(--mat-sys-surface-container-low);
    }
    .badge {
      display: grid;
      place-items: center;
      width: 72px;
      height: 72px;
      border-radius: 50%;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
      margin-block-end: 16px;
    }
    .icon {
      width: 36px;
      height: 36px;
      font-size: 36px;
    }
    .heading {
      margin: 0 0 8px;
      font: var(--mat-sys-title-large);
      color: var(--mat-sys-on-surface);
    }
    .message {
      margin: 0;
      max-width: 48ch;
      text-wrap: balance;
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .actions:not(:empty) {
      margin-block-start: 24px;
    }
  `,
})
export class EmptyState {
  /** A Material Symbols name, e.g. `groups`. Decorative: the heading carries the meaning. */
  readonly icon = input.required<string>();
  readonly heading = input.required<string>();
}
