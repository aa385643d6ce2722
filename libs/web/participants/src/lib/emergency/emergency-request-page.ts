import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { describeHttpError } from '@waypoint/web-core';
import { SessionStore } from '@waypoint/web-auth';
import { PageHeader } from '@waypoint/web-ui';
import { finalize } from 'rxjs';
import { EmergencyAccessStore, ParticipantsApi, type BreakGlassRequest } from '@waypoint/web-participant-data';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * "Break the glass": a supervisor or admin opens one participant outside their scope, for a
 * reason they must give. The page says plainly what happens before anyone submits.
 */
@Component({
  selector: 'lib-emergency-request-page',
  imports: [
    ReactiveFormsModule,
    PageHeader,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatButton,
    MatButtonToggleGroup,
    MatButtonToggle,
    MatIcon,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './emergency-request-page.html',
  styleUrl: './emergency-request-page.scss',
})
export class EmergencyRequestPage {
  readonly #api = inject(ParticipantsApi);
  readonly #grants = inject(EmergencyAccessStore);
  readonly #router = inject(Router);
  protected readonly canReview = inject(SessionStore).can('break-glass:review');

  protected readonly identifyBy = signal<'details' | 'id'>('details');
  protected readonly submitting = signal(false);
  /** Why the last attempt failed, in words, shown above the button. */
  protected readonly failure = signal<string | null>(null);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    lastName: ['', [Validators.maxLength(100)]],
    firstName: ['', [Validators.maxLength(100)]],
    dateOfBirth: [''],
    participantId: ['', [Validators.pattern(UUID)]],
    reason: ['', [Validators.required, Validators.minLength(10), Validators.maxLength(500)]],
  });

  protected submit(): void {
    this.failure.set(null);
    const request = this.#request();
    if (!request || this.form.invalid) {
      this.form.markAllAsTouched();
      if (!request) this.failure.set(this.#missingIdentity());
      return;
    }
    this.submitting.set(true);
    this.#api
      .requestEmergencyAccess(request)
      .pipe(finalize(() => this.submitting.set(false)))
      .subscribe({
        next: (grant) => {
          this.#grants.refresh();
          void this.#router.navigate(['/emergency-access/participants', grant.participantId]);
        },
        error: (error: unknown) => {
          const described = error instanceof HttpErrorResponse ? describeHttpError(error) : null;
          this.failure.set(described?.detail ?? described?.title ?? $localize`Emergency access could not be granted. Try again.`);
        },
      });
  }

  #request(): BreakGlassRequest | null {
    const value = this.form.getRawValue();
    const reason = value.reason.trim();
    if (this.identifyBy() === 'id') {
      const participantId = value.participantId.trim();
      return participantId ? { participantId, reason } : null;
    }
    const lastName = value.lastName.trim();
    if (!lastName || !value.dateOfBirth) return null;
    const firstName = value.firstName.trim();
    return { lastName, dateOfBirth: value.dateOfBirth, ...(firstName ? { firstName } : {}), reason };
  }

  #missingIdentity(): string {
    return this.identifyBy() === 'id'
      ? $localize`Enter the participant's record id.`
      : $localize`Enter the participant's last name and date of birth.`;
  }
}
