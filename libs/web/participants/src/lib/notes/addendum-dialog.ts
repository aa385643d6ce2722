import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { NotesApi, type SessionNote } from '@waypoint/web-participant-data';
import { finalize, map } from 'rxjs';
import { blankIsMissing, problemText } from '../plan/plan-dialogs';

export interface AddendumData {
  noteId: string;
}

export interface AddendumResult {
  /** The note with the new addendum under it. */
  saved: SessionNote;
}

/** The API's limits (note-input.dto.ts). */
const REASON_MIN = 3;
const REASON_MAX = 500;
const BODY_MAX = 4000;

/** A correction under a signed note: why it is needed and what it says. The note itself never changes. */
@Component({
  selector: 'lib-addendum-dialog',
  imports: [ReactiveFormsModule, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton, MatFormField, MatLabel, MatHint, MatError, MatInput],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title i18n>Add an addendum</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="fields">
        <p class="note" i18n>The signed note stays as it is; the addendum appears under it with your name and the time.</p>
        <mat-form-field>
          <mat-label i18n>Reason</mat-label>
          <input matInput formControlName="reason" required [maxlength]="reasonMax" />
          <mat-hint i18n>For example: Wrong date of the next appointment.</mat-hint>
          @if (form.controls.reason.hasError('required')) {
            <mat-error i18n>Say why the note needs an addendum.</mat-error>
          } @else if (form.controls.reason.hasError('minlength')) {
            <mat-error i18n>Say a little more (at least {{ reasonMin }} characters).</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>Addendum</mat-label>
          <textarea matInput formControlName="body" rows="5" required [maxlength]="bodyMax"></textarea>
          <mat-hint align="end" i18n>{{ bodyLength() }} of {{ bodyMax }} characters</mat-hint>
          @if (form.controls.body.hasError('required')) {
            <mat-error i18n>Write the correction or addition.</mat-error>
          }
        </mat-form-field>
        <p class="error" role="alert">{{ failure() }}</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" [mat-dialog-close]="undefined" i18n>Cancel</button>
        <button matButton="filled" type="submit" [disabled]="saving()">
          @if (saving()) {
            <ng-container i18n>Saving…</ng-container>
          } @else {
            <ng-container i18n>Add addendum</ng-container>
          }
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .fields { display: flex; flex-direction: column; gap: 8px; }
    .note { margin: 0 0 8px; color: var(--mat-sys-on-surface-variant); }
    .error { margin: 0; min-height: 1.25em; color: var(--mat-sys-error); }
  `,
})
export class AddendumDialog {
  readonly #api = inject(NotesApi);
  readonly #ref = inject<MatDialogRef<AddendumDialog, AddendumResult>>(MatDialogRef);
  readonly #data = inject<AddendumData>(MAT_DIALOG_DATA);

  protected readonly reasonMin = REASON_MIN;
  protected readonly reasonMax = REASON_MAX;
  protected readonly bodyMax = BODY_MAX;
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, Validators.minLength(REASON_MIN), Validators.maxLength(REASON_MAX), blankIsMissing]],
    body: ['', [Validators.required, Validators.maxLength(BODY_MAX), blankIsMissing]],
  });
  protected readonly bodyLength = toSignal(this.form.controls.body.valueChanges.pipe(map((text) => text.length)), { initialValue: 0 });
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);

  protected submit(): void {
    if (this.saving()) return;
    this.failure.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { reason, body } = this.form.getRawValue();
    this.saving.set(true);
    this.#api
      .addAddendum(this.#data.noteId, { reason: reason.trim(), body: body.trim() })
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (saved) => this.#ref.close({ saved }),
        error: (error: unknown) => this.failure.set(problemText(error) ?? $localize`The addendum could not be added. Try again.`),
      });
  }
}
