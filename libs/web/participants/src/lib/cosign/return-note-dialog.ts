import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, type ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { type CosignQueueItem, NotesApi, type SessionNote } from '@waypoint/web-participant-data';
import { DateTimePipe } from '@waypoint/web-ui';
import { finalize } from 'rxjs';
import { blankIsMissing, problemText } from '../plan/plan-dialogs';

export interface ReturnNoteData {
  note: CosignQueueItem;
  /** The signed-in person's time zone, for the session's date. */
  timeZone?: string | null;
}

/** Returned (the note as it now is, a draft again), or refused because it changed meanwhile. */
export type ReturnNoteResult = { returned: SessionNote } | { conflict: string };

/** The API's bounds for a return comment. */
const COMMENT_MIN = 3;
const COMMENT_MAX = 2000;

/** At least COMMENT_MIN characters once trimmed, as the API counts them. */
function longEnough(control: AbstractControl<string>): ValidationErrors | null {
  const length = control.value.trim().length;
  return length > 0 && length < COMMENT_MIN ? { minlength: { requiredLength: COMMENT_MIN, actualLength: length } } : null;
}

/**
 * Sends a submitted note back to its author as a draft, with what to fix (required: the author
 * sees it at the top of their tasks). A note that moved meanwhile (409) closes the dialog so the
 * queue can refresh; other refusals stay in the dialog.
 */
@Component({
  selector: 'lib-return-note-dialog',
  imports: [ReactiveFormsModule, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton, MatFormField, MatLabel, MatHint, MatError, MatInput, DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title i18n>Return the note to {{ data.note.authorName }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="fields">
        <p class="summary" i18n>{{ data.note.participantName }}, session of {{ data.note.startedAt | dateTime: data.timeZone }}. It goes back to draft for {{ data.note.authorName }} to fix and submit again.</p>
        <mat-form-field>
          <mat-label i18n>What to fix</mat-label>
          <textarea matInput formControlName="comment" rows="4" required [maxlength]="commentMax"></textarea>
          <mat-hint i18n>For example: Say how the plan section follows from the participant’s response.</mat-hint>
          @if (form.controls.comment.hasError('required')) {
            <mat-error i18n>Say what to fix.</mat-error>
          } @else if (form.controls.comment.hasError('minlength')) {
            <mat-error i18n>Say a little more about what to fix.</mat-error>
          }
        </mat-form-field>
        <p class="error" role="alert">{{ failure() }}</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" [mat-dialog-close]="undefined" i18n>Cancel</button>
        <button matButton="filled" type="submit" [disabled]="saving()">
          @if (saving()) {
            <ng-container i18n>Returning…</ng-container>
          } @else {
            <ng-container i18n>Return note</ng-container>
          }
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .fields { display: flex; flex-direction: column; gap: 8px; }
    .summary { margin: 0 0 8px; }
    .error { margin: 0; min-height: 1.25em; color: var(--mat-sys-error); }
  `,
})
export class ReturnNoteDialog {
  readonly #api = inject(NotesApi);
  readonly #ref = inject<MatDialogRef<ReturnNoteDialog, ReturnNoteResult>>(MatDialogRef);
  protected readonly data = inject<ReturnNoteData>(MAT_DIALOG_DATA);

  protected readonly commentMax = COMMENT_MAX;
  protected readonly form = inject(NonNullableFormBuilder).group({
    comment: ['', [Validators.required, blankIsMissing, longEnough, Validators.maxLength(COMMENT_MAX)]],
  });
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);

  protected submit(): void {
    if (this.saving()) return;
    this.failure.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.#api
      .returnToDraft(this.data.note, this.form.getRawValue().comment.trim())
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (returned) => this.#ref.close({ returned }),
        error: (error: unknown) => {
          const words = problemText(error);
          if (error instanceof HttpErrorResponse && error.status === 409) {
            this.#ref.close({ conflict: words ?? $localize`This note changed since the queue was loaded.` });
          } else {
            this.failure.set(words ?? $localize`The note could not be returned. Check your connection and try again.`);
          }
        },
      });
  }
}
