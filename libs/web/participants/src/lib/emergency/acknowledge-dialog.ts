import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { BreakGlassReview } from '@waypoint/web-participant-data';

/** Acknowledges one emergency access, with an optional note; closes with the note, or nothing. */
@Component({
  selector: 'lib-acknowledge-dialog',
  imports: [ReactiveFormsModule, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton, MatFormField, MatLabel, MatHint, MatInput],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title i18n>Acknowledge emergency access</h2>
    <mat-dialog-content>
      <p class="summary" i18n>{{ data.requesterName }} opened participant {{ data.participantInitials }}: “{{ data.reason }}”</p>
      <mat-form-field class="note">
        <mat-label i18n>Review note (optional)</mat-label>
        <textarea matInput [formControl]="note" rows="3" maxlength="500"></textarea>
        <mat-hint i18n>What you checked, for instance who confirmed the emergency</mat-hint>
      </mat-form-field>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" [mat-dialog-close]="undefined" i18n>Cancel</button>
      <button matButton="filled" type="button" [disabled]="note.invalid" (click)="confirm()" i18n>Acknowledge</button>
    </mat-dialog-actions>
  `,
  styles: `
    .summary { margin: 0 0 16px; }
    .note { width: 100%; }
  `,
})
export class AcknowledgeDialog {
  protected readonly data = inject<BreakGlassReview>(MAT_DIALOG_DATA);
  readonly #ref = inject<MatDialogRef<AcknowledgeDialog, string>>(MatDialogRef);
  protected readonly note = new FormControl('', { nonNullable: true, validators: [Validators.maxLength(500)] });

  protected confirm(): void {
    this.#ref.close(this.note.value.trim());
  }
}
