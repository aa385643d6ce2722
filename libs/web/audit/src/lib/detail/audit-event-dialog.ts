import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { actionLabel, type AuditEventView, outcomeLabel } from '@waypoint/web-audit-data';
import { DateTimePipe, roleLabel } from '@waypoint/web-ui';

interface Field {
  label: string;
  value: string | null;
  /** Whether the value is an identifier or code, set in a monospace font and never translated. */
  code?: boolean;
}

/**
 * Every field of one audit event. A modal dialog at the end edge rather than a side drawer:
 * it takes focus (the heading), keeps Tab inside, closes on Escape, and hands focus back to
 * the row it was opened from, which a drawer inside the page would have to rebuild by hand.
 */
@Component({
  selector: 'lib-audit-event-dialog',
  imports: [MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton, DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title tabindex="-1" i18n>Event details</h2>
    <mat-dialog-content>
      <p class="summary">
        <span class="action">{{ actionLabel(event.action) }}</span>
        <span class="badge" [class]="event.outcome">{{ outcomeLabel(event.outcome) }}</span>
      </p>
      <p class="when">{{ event.occurredAt | dateTime }}</p>
      <dl>
        @for (field of fields; track field.label) {
          <dt>{{ field.label }}</dt>
          <dd>
            @if (field.value) {
              <span [class.code]="field.code">{{ field.value }}</span>
            } @else {
              <span class="none" i18n>Not recorded</span>
            }
          </dd>
        }
      </dl>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" mat-dialog-close i18n>Close</button>
    </mat-dialog-actions>
  `,
  styles: `
    /* A full-height sheet: the fields scroll, Close stays at the bottom. */
    :host { display: flex; flex-direction: column; height: 100%; min-height: 0; }
    mat-dialog-content { flex: 1; max-height: none; }
    .summary { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin: 0; }
    .action { font: var(--mat-sys-title-medium); color: var(--mat-sys-on-surface); }
    .when { margin: 4px 0 16px; color: var(--mat-sys-on-surface-variant); }
    .badge {
      padding: 2px 10px;
      border-radius: var(--mat-sys-corner-full);
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
      &.denied { background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
      &.error { background: var(--mat-sys-tertiary-container); color: var(--mat-sys-on-tertiary-container); }
    }
    dl { display: grid; grid-template-columns: minmax(120px, max-content) 1fr; gap: 8px 16px; margin: 0; }
    dt { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-label-large); }
    dd { margin: 0; overflow-wrap: anywhere; color: var(--mat-sys-on-surface); }
    .code { font-family: ui-monospace, monospace; font-size: 0.875em; }
    .none { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small); }
    @media (max-width: 479.98px) {
      dl { grid-template-columns: 1fr; gap: 2px; }
      dd { margin-block-end: 8px; }
    }
  `,
})
export class AuditEventDialog {
  protected readonly event = inject<AuditEventView>(MAT_DIALOG_DATA);
  protected readonly actionLabel = actionLabel;
  protected readonly outcomeLabel = outcomeLabel;

  /** In the order an auditor asks: who, what, to what, how it ended, then where from. */
  protected readonly fields: Field[] = [
    { label: $localize`:Audit event field:Time (UTC)`, value: this.event.occurredAt, code: true },
    { label: $localize`:Audit event field:Who`, value: this.event.actorName },
    { label: $localize`:Audit event field:Role`, value: this.event.actorRole && roleLabel(this.event.actorRole) },
    { label: $localize`:Audit event field:User ID`, value: this.event.actorId, code: true },
    { label: $localize`:Audit event field:Action`, value: this.event.action, code: true },
    { label: $localize`:Audit event field:Outcome`, value: outcomeLabel(this.event.outcome) },
    { label: $localize`:Audit event field:Resource type`, value: this.event.resourceType, code: true },
    { label: $localize`:Audit event field:Resource ID`, value: this.event.resourceId, code: true },
    {
      label: $localize`:Audit event field:Participant`,
      // A name only within the viewer's care team (the API decides); never stored in the trail.
      value: this.event.participantId && (this.event.participantName ?? $localize`:Audit event participant:Outside your care team`),
    },
    { label: $localize`:Audit event field:Participant ID`, value: this.event.participantId, code: true },
    { label: $localize`:Audit event field:Reason`, value: this.event.reason },
    { label: $localize`:Audit event field:Request ID`, value: this.event.requestId, code: true },
    { label: $localize`:Audit event field:IP address`, value: this.event.ip, code: true },
    { label: $localize`:Audit event field:Browser (user agent)`, value: this.event.userAgent, code: true },
    { label: $localize`:Audit event field:Event ID`, value: this.event.id, code: true },
  ];
}
