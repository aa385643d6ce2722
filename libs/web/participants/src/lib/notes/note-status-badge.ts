import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { SessionNote } from '@waypoint/web-participant-data';
import { badgeLabel, noteBadge } from './note-labels';

/** Where a note stands, as a badge: Draft, Returned, Submitted, Signed, Co-signed. In words, never colour alone. */
@Component({
  selector: 'lib-note-status-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class]': 'badge()' },
  template: `{{ label() }}`,
  styles: `
    :host {
      display: inline-block;
      padding: 2px 10px;
      border-radius: var(--mat-sys-corner-full);
      font: var(--mat-sys-label-large);
      white-space: nowrap;
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface);
    }
    :host(.returned) {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    :host(.submitted) {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    :host(.signed),
    :host(.cosigned) {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
  `,
})
export class NoteStatusBadge {
  readonly note = input.required<Pick<SessionNote, 'status' | 'returnComment'>>();
  protected readonly badge = computed(() => noteBadge(this.note()));
  protected readonly label = computed(() => badgeLabel(this.badge()));
}
