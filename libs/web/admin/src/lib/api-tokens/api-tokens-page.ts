import { BreakpointObserver } from '@angular/cdk/layout';
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
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { ApiToken, ApiTokensApi, SessionStore } from '@waypoint/web-auth';
import { confirmAction, DateTimePipe, EmptyState, PageHeader, roleLabel } from '@waypoint/web-ui';
import { filter, finalize, switchMap } from 'rxjs';
import { ApiTokenStatus, apiTokenStatus } from './api-token-status';
import { IssueApiTokenDialog, IssueApiTokenResult } from './issue-api-token-dialog';

/** Below this width the table keeps only the token, its status and the actions. */
const NARROW_QUERY = '(max-width: 719.98px)';
/** The API lists at most this many tokens, newest first, without further pages. */
const LIST_LIMIT = 100;

interface TokenRow {
  token: ApiToken;
  status: ApiTokenStatus;
}

/** Program administrators issue personal API tokens for scripts, see their use, and revoke them. */
@Component({
  selector: 'lib-api-tokens-page',
  imports: [
    PageHeader,
    EmptyState,
    MatTableModule,
    MatButton,
    MatIconButton,
    MatIcon,
    MatTooltip,
    MatProgressSpinner,
    DateTimePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './api-tokens-page.html',
  styleUrl: './api-tokens-page.scss',
})
export class ApiTokensPage {
  readonly #api = inject(ApiTokensApi);
  readonly #dialog = inject(MatDialog);
  readonly #store = inject(SessionStore);
  readonly #breakpoints = inject(BreakpointObserver);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly #injector = inject(Injector);

  protected readonly tokens = signal<ApiToken[]>([]);
  /** Whether the list has arrived (until then a spinner, not "no tokens"). */
  protected readonly loaded = signal(false);
  protected readonly loadFailed = signal(false);
  /** The last outcome, for the polite live region above the table. */
  protected readonly status = signal('');
  /** The token being revoked. */
  protected readonly busyTokenId = signal<string | null>(null);

  /** Statuses as of the last change to the list; a token expiring meanwhile shows on the next one. */
  protected readonly rows = computed<TokenRow[]>(() => {
    const now = Date.now();
    return this.tokens().map((token) => ({ token, status: apiTokenStatus(token, now) }));
  });
  /** Whether older tokens may be left out of the list. */
  protected readonly capped = computed(() => this.tokens().length >= LIST_LIMIT);
  protected readonly timeZone = computed(() => this.#store.user()?.timeZone ?? null);

  readonly #narrow = toSignal(this.#breakpoints.observe(NARROW_QUERY), { initialValue: null });
  protected readonly narrow = computed(() => this.#narrow()?.matches ?? this.#breakpoints.isMatched(NARROW_QUERY));
  protected readonly columns = computed(() =>
    this.narrow()
      ? ['name', 'status', 'actions']
      : ['name', 'user', 'role', 'created', 'expires', 'lastUsed', 'status', 'actions'],
  );
  protected readonly roleLabel = roleLabel;

  constructor() {
    this.reload();
  }

  protected reload(): void {
    this.loaded.set(false);
    this.loadFailed.set(false);
    this.#api.list().subscribe({
      next: (tokens) => {
        this.tokens.set(tokens);
        this.loaded.set(true);
      },
      error: () => this.loadFailed.set(true),
    });
  }

  protected revokeLabel(token: ApiToken): string {
    return $localize`:Icon button on an API token row:Revoke ${token.name}:name:`;
  }

  protected openIssue(): void {
    this.#dialog
      .open<IssueApiTokenDialog, void, IssueApiTokenResult>(IssueApiTokenDialog, {
        width: '560px',
        maxWidth: 'calc(100vw - 32px)',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        this.tokens.update((tokens) => [result.issued, ...tokens]);
        this.status.set($localize`Issued ${result.issued.name}:name: for ${result.issued.userEmail}:email:.`);
      });
  }

  protected revoke(token: ApiToken): void {
    if (this.busyTokenId()) return;
    const name = token.name;
    confirmAction(this.#dialog, {
      title: $localize`Revoke ${name}:name:?`,
      message: $localize`Scripts using this token stop working at once. A revoked token cannot be used again; issue a new one if it is still needed.`,
      confirmLabel: $localize`:Confirm button:Revoke`,
      destructive: true,
    })
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => {
          this.busyTokenId.set(token.id);
          return this.#api.revoke(token.id).pipe(finalize(() => this.busyTokenId.set(null)));
        }),
      )
      .subscribe({
        next: () => {
          const revokedAt = new Date().toISOString();
          this.tokens.update((tokens) => tokens.map((item) => (item.id === token.id ? { ...item, revokedAt } : item)));
          this.status.set($localize`${name}:name: is revoked.`);
          this.#focusName(token.id);
        },
        // The snackbar says why; the live region keeps the outcome once it has gone.
        error: () => this.status.set($localize`${name}:name: was not revoked.`),
      });
  }

  /** The revoke button that had focus is gone with the revocation; keep the place in the table. */
  #focusName(tokenId: string): void {
    afterNextRender(
      () => {
        const rows = this.#host.nativeElement.querySelectorAll<HTMLElement>('tr[data-token-id]');
        const row = [...rows].find((candidate) => candidate.dataset['tokenId'] === tokenId);
        row?.querySelector<HTMLElement>('.name')?.focus();
      },
      { injector: this.#injector },
    );
  }
}
