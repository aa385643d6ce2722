import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { AuthApi } from '@waypoint/web-auth';
import { describeHttpError, problemFromResponse } from '@waypoint/web-core';
import { PageHeader } from '@waypoint/web-ui';
import { finalize } from 'rxjs';

/** The API's policy: at least 12 characters (it also refuses common passwords). */
export const MIN_PASSWORD_LENGTH = 12;

type Field = 'currentPassword' | 'newPassword' | 'confirmation';

function matchesNewPassword(control: AbstractControl<string>): ValidationErrors | null {
  const newPassword = control.parent?.get('newPassword')?.value;
  return control.value && newPassword !== undefined && control.value !== newPassword ? { mismatch: true } : null;
}

/** Change one's own password: the current one, the new one twice. Other sessions end. */
@Component({
  selector: 'lib-password-page',
  imports: [ReactiveFormsModule, PageHeader, MatFormField, MatLabel, MatHint, MatError, MatInput, MatButton, MatCheckbox, MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './password-page.html',
  styleUrl: './account-pages.scss',
})
export class PasswordPage {
  readonly #api = inject(AuthApi);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly minLength = MIN_PASSWORD_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', Validators.required],
    newPassword: ['', [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH)]],
    confirmation: ['', [Validators.required, matchesNewPassword]],
  });

  protected readonly saving = signal(false);
  protected readonly showPasswords = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly done = signal(false);
  /** Messages from the server per field, shown under the field. */
  protected readonly serverErrors = signal<Partial<Record<Field, string>>>({});

  constructor() {
    // The confirmation is checked against the new password, so re-check it when that changes.
    this.form.controls.newPassword.valueChanges.subscribe(() => this.form.controls.confirmation.updateValueAndValidity());
  }

  protected submit(): void {
    if (this.saving()) return;
    this.done.set(false);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.#focusFirstInvalid();
      return;
    }
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.errorMessage.set(null);
    this.#clearServerErrors();
    this.saving.set(true);
    this.#api
      .changePassword({ currentPassword, newPassword })
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: () => {
          this.form.reset();
          this.done.set(true);
        },
        error: (error: unknown) => this.#showProblem(error),
      });
  }

  #showProblem(error: unknown): void {
    const problem = error instanceof HttpErrorResponse ? problemFromResponse(error) : null;
    const fieldErrors: Partial<Record<Field, string>> = {};
    for (const field of ['currentPassword', 'newPassword'] as const) {
      const messages = problem?.errors?.[field];
      if (messages?.length) fieldErrors[field] = messages.join(' ');
    }
    if (Object.keys(fieldErrors).length) {
      this.serverErrors.set(fieldErrors);
      for (const [field, message] of Object.entries(fieldErrors)) {
        const control = this.form.controls[field as Field];
        control.setErrors({ server: message });
        control.markAsTouched();
      }
      // The invalid classes are not rendered yet, so pick the field by name.
      const first = (['currentPassword', 'newPassword'] as const).find((field) => fieldErrors[field]);
      this.#host.nativeElement.querySelector<HTMLInputElement>(`input[formcontrolname="${first}"]`)?.focus();
      return;
    }
    const description = error instanceof HttpErrorResponse ? describeHttpError(error) : null;
    this.errorMessage.set(
      description?.detail || description?.title || $localize`Your password could not be changed. Please try again.`,
    );
  }

  #clearServerErrors(): void {
    this.serverErrors.set({});
    for (const control of Object.values(this.form.controls)) {
      if (control.hasError('server')) control.updateValueAndValidity();
    }
  }

  #focusFirstInvalid(): void {
    this.#host.nativeElement.querySelector<HTMLInputElement>('input.ng-invalid')?.focus();
  }
}
