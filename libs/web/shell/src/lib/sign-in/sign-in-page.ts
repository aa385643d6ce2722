import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCard } from '@angular/material/card';
import { MatError, MatFormField, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { Router } from '@angular/router';
import { AuthApi, describeHttpError, withoutProblemSnackbar } from '@waypoint/web-core';
import { Logo } from '@waypoint/web-ui';
import { finalize } from 'rxjs';

/**
 * Email and password sign-in, outside the shell. Problems are shown inside the card, next to
 * the fields they concern, so this page opts out of the global error snackbar.
 */
@Component({
  selector: 'lib-sign-in-page',
  imports: [
    ReactiveFormsModule,
    MatCard,
    MatFormField,
    MatLabel,
    MatError,
    MatSuffix,
    MatInput,
    MatButton,
    MatIconButton,
    MatIcon,
    Logo,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sign-in-page.html',
  styleUrl: './sign-in-page.scss',
})
export class SignInPage {
  readonly #auth = inject(AuthApi);
  readonly #router = inject(Router);
  readonly #destroyRef = inject(DestroyRef);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });

  /** Whether a sign-in request is in flight; repeated clicks are ignored meanwhile. */
  protected readonly submitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly passwordVisible = signal(false);

  protected submit(): void {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      // Take keyboard and screen-reader users straight to what needs fixing.
      this.#host.nativeElement.querySelector<HTMLInputElement>('input.ng-invalid')?.focus();
      return;
    }
    this.errorMessage.set(null);
    this.submitting.set(true);
    this.#auth
      .signIn(this.form.getRawValue(), { context: withoutProblemSnackbar() })
      .pipe(
        finalize(() => this.submitting.set(false)),
        takeUntilDestroyed(this.#destroyRef),
      )
      .subscribe({
        next: () => void this.#router.navigateByUrl('/caseload'),
        error: (error: unknown) => this.errorMessage.set(this.#describe(error)),
      });
  }

  protected togglePasswordVisibility(): void {
    this.passwordVisible.update((visible) => !visible);
  }

  #describe(error: unknown): string {
    const description = error instanceof HttpErrorResponse ? describeHttpError(error) : null;
    return (
      description?.detail ||
      description?.title ||
      $localize`:Sign-in error without a server explanation:Sign-in did not work. Please try again.`
    );
  }
}
