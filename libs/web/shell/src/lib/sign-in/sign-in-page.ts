import { HttpErrorResponse } from '@angular/common/http';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCard } from '@angular/material/card';
import { MatError, MatFormField, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { ActivatedRoute, Router } from '@angular/router';
import { AuthApi, MfaEnrollment, safeReturnTo, SecondFactor, SessionEndReason, SessionStore } from '@waypoint/web-auth';
import { describeHttpError } from '@waypoint/web-core';
import { Logo } from '@waypoint/web-ui';
import { finalize, Observable } from 'rxjs';
import { CodeStep } from './code-step';
import { EnrollmentDetails } from './enrollment-details';
import { RecoveryCodesStep } from './recovery-codes-step';

/** Where the person is in signing in. */
export type SignInStep = 'password' | 'code' | 'enroll' | 'recovery-codes';

const END_NOTICES: Record<SessionEndReason, string> = {
  'signed-out': $localize`:Shown on the sign-in page after signing out:You have signed out.`,
  ended: $localize`:Shown on the sign-in page when a session ended:Your session has ended. Please sign in again.`,
  idle: $localize`:Shown on the sign-in page after an idle timeout:You were signed out after a period without activity. Sign in again to continue.`,
};

/**
 * Sign-in, outside the shell: password, then the authenticator code (or a recovery code), or on
 * a first sign-in the enrollment of an authenticator app and the recovery codes to keep.
 * Problems are shown inside the card, so these calls opt out of the global snackbar.
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
    CodeStep,
    EnrollmentDetails,
    RecoveryCodesStep,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sign-in-page.html',
  styleUrl: './sign-in-page.scss',
})
export class SignInPage {
  readonly #auth = inject(AuthApi);
  readonly #store = inject(SessionStore);
  readonly #router = inject(Router);
  readonly #route = inject(ActivatedRoute);
  readonly #destroyRef = inject(DestroyRef);
  readonly #injector = inject(Injector);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });

  protected readonly step = signal<SignInStep>('password');
  protected readonly enrollment = signal<MfaEnrollment | null>(null);
  protected readonly recoveryCodes = signal<readonly string[]>([]);
  /** Whether a request is in flight; repeated submits are ignored meanwhile. */
  protected readonly submitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  /** Why the last session ended, shown once above the form. */
  protected readonly notice = signal(this.#noticeFromStore());
  protected readonly passwordVisible = signal(false);

  private readonly codeStep = viewChild(CodeStep);

  protected submitPassword(): void {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      // Take keyboard and screen-reader users straight to what needs fixing.
      this.#host.nativeElement.querySelector<HTMLInputElement>('input.ng-invalid')?.focus();
      return;
    }
    const { email, password } = this.form.getRawValue();
    this.#send(this.#auth.signIn(email, password), ({ next }) => {
      this.form.controls.password.reset();
      if (next === 'mfa') this.#goTo('code');
      else this.#startEnrollment();
    });
  }

  protected submitSecondFactor(answer: SecondFactor): void {
    if (this.submitting()) return;
    this.#send(
      this.#auth.verify(answer),
      ({ recoveryCodes }) => {
        if (recoveryCodes?.length) {
          this.recoveryCodes.set(recoveryCodes);
          this.#goTo('recovery-codes');
        } else {
          void this.finish();
        }
      },
      () => this.codeStep()?.reset(),
    );
  }

  /** Loads the new session and goes where the person was headed (or their start page). */
  protected async finish(): Promise<void> {
    this.submitting.set(true);
    const signedIn = await this.#store.load();
    this.submitting.set(false);
    if (!signedIn) {
      this.errorMessage.set($localize`Signed in, but your account could not be loaded. Please try again.`);
      this.startOver();
      return;
    }
    const returnTo = safeReturnTo(this.#route.snapshot.queryParamMap.get('returnTo')) ?? '/';
    await this.#router.navigateByUrl(returnTo);
  }

  /** Back to email and password: the code step's five-minute challenge may have lapsed. */
  protected startOver(): void {
    this.enrollment.set(null);
    this.#goTo('password');
  }

  protected togglePasswordVisibility(): void {
    this.passwordVisible.update((visible) => !visible);
  }

  #startEnrollment(): void {
    this.#send(this.#auth.startEnrollment(), (enrollment) => {
      this.enrollment.set(enrollment);
      this.#goTo('enroll');
    });
  }

  #send<T>(request: Observable<T>, onSuccess: (value: T) => void, onFailure?: () => void): void {
    this.errorMessage.set(null);
    this.notice.set(null);
    this.submitting.set(true);
    request
      .pipe(
        finalize(() => this.submitting.set(false)),
        takeUntilDestroyed(this.#destroyRef),
      )
      .subscribe({
        next: onSuccess,
        error: (error: unknown) => {
          this.errorMessage.set(this.#describe(error));
          onFailure?.();
        },
      });
  }

  #goTo(step: SignInStep): void {
    this.step.set(step);
    if (step === 'password') {
      afterNextRender(() => this.#host.nativeElement.querySelector<HTMLInputElement>('input[formcontrolname="email"]')?.focus(), {
        injector: this.#injector,
      });
    }
  }

  #noticeFromStore(): string | null {
    const reason = this.#store.takeEndReason();
    return reason ? END_NOTICES[reason] : null;
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
