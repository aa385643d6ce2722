import { Clipboard } from '@angular/cdk/clipboard';
import { HttpErrorResponse } from '@angular/common/http';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { ApiToken, ApiTokensApi, IssuedApiToken, ManagedUser, SessionStore, UsersApi } from '@waypoint/web-auth';
import { describeHttpError, problemFromResponse } from '@waypoint/web-core';
import { DateTimePipe, roleLabel } from '@waypoint/web-ui';
import { EMPTY, expand, finalize, map, Observable, reduce } from 'rxjs';

/** How the dialog ended when a token was issued; closing before that returns nothing. */
export interface IssueApiTokenResult {
  issued: ApiToken;
}

/** The API's limits on a token's lifetime, in whole days. */
const MIN_EXPIRY_DAYS = 1;
const MAX_EXPIRY_DAYS = 365;
/** A quarter: long enough for a nightly script, short enough that a forgotten token lapses. */
const DEFAULT_EXPIRY_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;
/** The largest page the users API serves, so most programs need a single request. */
const USERS_PAGE_SIZE = 100;

type Field = 'userId' | 'name' | 'expiresInDays';

/**
 * Issue a personal API token for one active user. Ends on the secret, shown this once with a
 * copy button; from then on only Done closes the dialog, so it cannot be dismissed by accident.
 */
@Component({
  selector: 'lib-issue-api-token-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    MatIcon,
    DateTimePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './issue-api-token-dialog.html',
  styleUrl: './issue-api-token-dialog.scss',
})
export class IssueApiTokenDialog {
  readonly #api = inject(ApiTokensApi);
  readonly #usersApi = inject(UsersApi);
  readonly #ref = inject<MatDialogRef<IssueApiTokenDialog, IssueApiTokenResult>>(MatDialogRef);
  readonly #clipboard = inject(Clipboard);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly #injector = inject(Injector);
  readonly #store = inject(SessionStore);

  protected readonly minDays = MIN_EXPIRY_DAYS;
  protected readonly maxDays = MAX_EXPIRY_DAYS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    userId: ['', Validators.required],
    // The pattern turns away a name of spaces only, which the API would accept.
    name: ['', [Validators.required, Validators.maxLength(100), Validators.pattern(/\S/)]],
    expiresInDays: [
      DEFAULT_EXPIRY_DAYS,
      [
        Validators.required,
        Validators.min(MIN_EXPIRY_DAYS),
        Validators.max(MAX_EXPIRY_DAYS),
        // Whole days only, as the API asks.
        Validators.pattern(/^\d+$/),
      ],
    ],
  });

  /** The active users a token can be issued for; null while loading. */
  protected readonly users = signal<ManagedUser[] | null>(null);
  protected readonly usersFailed = signal(false);
  protected readonly roleLabel = roleLabel;
  protected readonly timeZone = computed(() => this.#store.user()?.timeZone ?? null);

  readonly #days = toSignal(this.form.controls.expiresInDays.valueChanges, {
    initialValue: this.form.controls.expiresInDays.value,
  });
  /** Roughly when a token issued now would expire, while the days are valid. */
  protected readonly expiresAround = computed(() => {
    const days = Number(this.#days());
    if (!Number.isInteger(days) || days < MIN_EXPIRY_DAYS || days > MAX_EXPIRY_DAYS) return null;
    return new Date(Date.now() + days * DAY_MS);
  });

  protected readonly saving = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly serverErrors = signal<Partial<Record<Field, string>>>({});
  protected readonly issued = signal<IssuedApiToken | null>(null);
  protected readonly copied = signal(false);
  #issuedFor: ManagedUser | null = null;

  constructor() {
    this.loadUsers();
  }

  protected loadUsers(): void {
    this.usersFailed.set(false);
    this.users.set(null);
    this.#activeUsers().subscribe({
      next: (users) => this.users.set(users),
      error: () => this.usersFailed.set(true),
    });
  }

  protected submit(): void {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.#host.nativeElement
        .querySelector<HTMLElement>('mat-select.ng-invalid, .ng-invalid input, input.ng-invalid')
        ?.focus();
      return;
    }
    this.errorMessage.set(null);
    this.serverErrors.set({});
    this.saving.set(true);
    const { userId, name, expiresInDays } = this.form.getRawValue();
    this.#issuedFor = this.users()?.find((user) => user.id === userId) ?? null;
    this.#api
      .issue({ userId, name: name.trim(), expiresInDays: Number(expiresInDays) })
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (issued) => this.#showSecret(issued),
        error: (error: unknown) => this.#showProblem(error),
      });
  }

  protected copySecret(): void {
    const issued = this.issued();
    if (issued) this.copied.set(this.#clipboard.copy(issued.token));
  }

  /** Hands the page the token without its secret, which goes away with this dialog. */
  protected finish(): void {
    const issued = this.issued();
    if (!issued) return;
    this.#ref.close({
      issued: {
        id: issued.id,
        name: issued.name,
        role: issued.role,
        userId: issued.userId,
        userEmail: this.#issuedFor?.email ?? '',
        createdAt: issued.createdAt,
        expiresAt: issued.expiresAt,
        lastUsedAt: null,
        revokedAt: null,
      },
    });
  }

  #showSecret(issued: IssuedApiToken): void {
    this.issued.set(issued);
    this.#ref.disableClose = true;
    // The submit button that had focus is gone; start on Copy, the one thing to do next.
    afterNextRender(() => this.#host.nativeElement.querySelector<HTMLElement>('button.copy')?.focus(), {
      injector: this.#injector,
    });
  }

  #activeUsers(): Observable<ManagedUser[]> {
    return this.#usersApi.list(null, USERS_PAGE_SIZE).pipe(
      expand((page) => (page.nextCursor ? this.#usersApi.list(page.nextCursor, USERS_PAGE_SIZE) : EMPTY)),
      reduce(
        (users, page) => [...users, ...page.items.filter((user) => user.status === 'active')],
        [] as ManagedUser[],
      ),
      // Sorted by name, so a type-ahead in the select finds people.
      map((users) => users.sort((a, b) => a.displayName.localeCompare(b.displayName))),
    );
  }

  #showProblem(error: unknown): void {
    const problem = error instanceof HttpErrorResponse ? problemFromResponse(error) : null;
    const fieldErrors: Partial<Record<Field, string>> = {};
    for (const field of ['userId', 'name', 'expiresInDays'] as const) {
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
    this.errorMessage.set(
      description?.detail || description?.title || $localize`The token could not be issued. Please try again.`,
    );
  }
}
