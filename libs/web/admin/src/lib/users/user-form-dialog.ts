import { Clipboard } from '@angular/cdk/clipboard';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { Role, Roles } from '@waypoint/shared-contracts';
import { CreatedUser, ManagedUser, Team, UsersApi } from '@waypoint/web-auth';
import { describeHttpError, problemFromResponse } from '@waypoint/web-core';
import { roleLabel } from '@waypoint/web-ui';
import { finalize, Observable } from 'rxjs';

export interface UserFormData {
  /** The user to edit; absent to create one. */
  user?: ManagedUser;
  teams: readonly Team[];
}

/** How the dialog ended: a saved user, or a request to reload the list after a conflict. */
export type UserFormResult = { saved: ManagedUser } | { reload: true };

type Field = 'email' | 'displayName' | 'role' | 'teamId';

/**
 * Create or edit a user. Creating ends on the temporary password, shown once with a copy
 * button; editing sends the version read, and a stale one is explained instead of overwritten.
 */
@Component({
  selector: 'lib-user-form-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    MatIcon,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './user-form-dialog.html',
  styleUrl: './user-form-dialog.scss',
})
export class UserFormDialog {
  readonly #api = inject(UsersApi);
  readonly #ref = inject<MatDialogRef<UserFormDialog, UserFormResult>>(MatDialogRef);
  readonly #clipboard = inject(Clipboard);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly data = inject<UserFormData>(MAT_DIALOG_DATA);

  protected readonly editing = !!this.data.user;
  protected readonly roles = Roles.map((role) => ({ role, label: roleLabel(role) }));
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: [this.data.user?.email ?? '', this.editing ? [] : [Validators.required, Validators.email]],
    displayName: [this.data.user?.displayName ?? '', [Validators.required, Validators.maxLength(200)]],
    role: [this.data.user?.role ?? ('specialist' as Role), Validators.required],
    /** '' stands for "no team" (a select cannot hold null as a plain option value everywhere). */
    teamId: [this.data.user?.teamId ?? ''],
  });

  protected readonly saving = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  /** Whether the save met a newer version of the user. */
  protected readonly stale = signal(false);
  protected readonly serverErrors = signal<Partial<Record<Field, string>>>({});
  protected readonly created = signal<CreatedUser | null>(null);
  protected readonly copied = signal(false);

  protected submit(): void {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.#host.nativeElement.querySelector<HTMLElement>('.ng-invalid input, input.ng-invalid, mat-select.ng-invalid')?.focus();
      return;
    }
    this.errorMessage.set(null);
    this.serverErrors.set({});
    this.saving.set(true);
    const { email, displayName, role, teamId } = this.form.getRawValue();
    const user = this.data.user;
    const request: Observable<ManagedUser | CreatedUser> = user
      ? this.#api.update(user.id, { displayName, role, teamId: teamId || null, version: user.version })
      : this.#api.create({ email, displayName, role, ...(teamId ? { teamId } : {}) });
    request.pipe(finalize(() => this.saving.set(false))).subscribe({
      next: (result) => {
        if ('temporaryPassword' in result) this.created.set(result);
        else this.#ref.close({ saved: result });
      },
      error: (error: unknown) => this.#showProblem(error),
    });
  }

  protected copyPassword(): void {
    const created = this.created();
    if (created) this.copied.set(this.#clipboard.copy(created.temporaryPassword));
  }

  protected finishCreate(): void {
    const created = this.created();
    if (created) this.#ref.close({ saved: created.user });
  }

  protected reload(): void {
    this.#ref.close({ reload: true });
  }

  #showProblem(error: unknown): void {
    if (error instanceof HttpErrorResponse && error.status === 409 && this.editing) {
      this.stale.set(true);
      return;
    }
    const problem = error instanceof HttpErrorResponse ? problemFromResponse(error) : null;
    const fieldErrors: Partial<Record<Field, string>> = {};
    for (const field of ['email', 'displayName', 'role', 'teamId'] as const) {
      const messages = problem?.errors?.[field];
      if (messages?.length) fieldErrors[field] = messages.join(' ');
    }
    if (Object.keys(fieldErrors).length) {
      this.serverErrors.set(fieldErrors);
      for (const [field, message] of Object.entries(fieldErrors)) {
        this.form.controls[field as Field].setErrors({ server: message });
        this.form.controls[field as Field].markAsTouched();
      }
      return;
    }
    const description = error instanceof HttpErrorResponse ? describeHttpError(error) : null;
    this.errorMessage.set(description?.detail || description?.title || $localize`The user could not be saved. Please try again.`);
  }
}
