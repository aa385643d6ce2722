import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { AbstractControl, FormControl, FormGroup, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { SecondFactor } from '@waypoint/web-auth';

const compact = (value: string) => value.replace(/\s+/g, '');

/** Six digits, allowing the space some apps show in the middle ("123 456"). */
function sixDigits(control: AbstractControl<string>): ValidationErrors | null {
  return !control.value || /^\d{6}$/.test(compact(control.value)) ? null : { sixDigits: true };
}

/** Two groups of five letters or digits, the dash optional ("abcde-fghij"). */
function recoveryCodeShape(control: AbstractControl<string>): ValidationErrors | null {
  return !control.value || /^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(compact(control.value)) ? null : { recoveryCode: true };
}

/**
 * The second sign-in step: the 6-digit code from an authenticator app or, if the phone is
 * lost, one of the recovery codes. The page sends it and calls `reset()` if it is refused.
 */
@Component({
  selector: 'lib-code-step',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatHint, MatError, MatInput, MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      @if (!useRecovery()) {
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label i18n>6-digit code</mat-label>
          <input
            #field
            matInput
            class="code"
            formControlName="code"
            inputmode="numeric"
            autocomplete="one-time-code"
            spellcheck="false"
            required
          />
          <mat-hint i18n>From your authenticator app. It changes every 30 seconds.</mat-hint>
          @if (code.hasError('required')) {
            <mat-error i18n>Enter the 6-digit code.</mat-error>
          } @else if (code.hasError('sixDigits')) {
            <mat-error i18n>The code is 6 digits, like 123456.</mat-error>
          }
        </mat-form-field>
      } @else {
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label i18n>Recovery code</mat-label>
          <input
            #field
            matInput
            class="code"
            formControlName="recoveryCode"
            autocomplete="off"
            autocapitalize="none"
            spellcheck="false"
            required
          />
          <mat-hint i18n>One of the codes you saved when you set up two-step verification, like abcde-fghij.</mat-hint>
          @if (recoveryCode.hasError('required')) {
            <mat-error i18n>Enter one of your recovery codes.</mat-error>
          } @else if (recoveryCode.hasError('recoveryCode')) {
            <mat-error i18n>A recovery code looks like abcde-fghij.</mat-error>
          }
        </mat-form-field>
      }

      <button matButton="filled" type="submit" class="submit" [attr.aria-disabled]="busy() || null">
        @if (busy()) {
          <ng-container i18n>Checking…</ng-container>
        } @else {
          <ng-container i18n>Verify</ng-container>
        }
      </button>

      <div class="alternatives">
        @if (allowRecovery()) {
          <button matButton type="button" class="toggle" (click)="toggleRecovery()">
            @if (useRecovery()) {
              <ng-container i18n>Use a code from your app instead</ng-container>
            } @else {
              <ng-container i18n>Use a recovery code instead</ng-container>
            }
          </button>
        }
        <button matButton type="button" class="start-over" (click)="startOver.emit()" i18n>Start over</button>
      </div>
    </form>
  `,
  styles: `
    .form {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .code {
      font-family: ui-monospace, 'Roboto Mono', monospace;
      letter-spacing: 0.15em;
    }
    .submit {
      height: 48px;
    }
    .alternatives {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 4px;
    }
  `,
})
export class CodeStep {
  readonly #injector = inject(Injector);

  /** Whether a check is in flight; the page ignores submits meanwhile. */
  readonly busy = input(false);
  /** Whether recovery codes may be used (not while enrolling: there are none yet). */
  readonly allowRecovery = input(true);
  readonly submitted = output<SecondFactor>();
  readonly startOver = output<void>();

  protected readonly useRecovery = signal(false);
  protected readonly code = new FormControl('', { nonNullable: true, validators: [Validators.required, sixDigits] });
  protected readonly recoveryCode = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, recoveryCodeShape],
  });
  /** Both fields, one shown at a time; only the shown one is checked on submit. */
  protected readonly form = new FormGroup({ code: this.code, recoveryCode: this.recoveryCode });
  private readonly field = viewChild<ElementRef<HTMLInputElement>>('field');

  constructor() {
    this.#focusField();
  }

  /** Empties the field and puts focus back in it, after the code was refused. */
  reset(): void {
    this.code.reset();
    this.recoveryCode.reset();
    this.field()?.nativeElement.focus();
  }

  protected toggleRecovery(): void {
    this.useRecovery.update((use) => !use);
    this.#focusField();
  }

  protected submit(): void {
    const control = this.useRecovery() ? this.recoveryCode : this.code;
    if (control.invalid) {
      control.markAsTouched();
      this.field()?.nativeElement.focus();
      return;
    }
    const value = compact(control.value);
    this.submitted.emit(this.useRecovery() ? { recoveryCode: value.toLowerCase() } : { code: value });
  }

  #focusField(): void {
    afterNextRender(() => this.field()?.nativeElement.focus(), { injector: this.#injector });
  }
}
