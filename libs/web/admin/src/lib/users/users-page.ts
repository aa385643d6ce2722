import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuContent, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatTableModule } from '@angular/material/table';
import { ManagedUser, SessionStore, Team, UserCommand, UsersApi } from '@waypoint/web-auth';
import { KeysetList } from '@waypoint/web-core';
import { VIEWER_TIME_ZONE } from '@waypoint/web-clock';
import { confirmAction, DateTimePipe, EmptyState, PageHeader, roleLabel } from '@waypoint/web-ui';
import { filter, finalize, switchMap } from 'rxjs';
import { commandText } from './user-commands';
import { UserFormData, UserFormDialog, UserFormResult } from './user-form-dialog';

/** Below this width the table keeps only the person, their status and the actions. */
const NARROW_QUERY = '(max-width: 719.98px)';

/** Program administrators manage who can sign in: add, edit, disable, reset two-step, sign out. */
@Component({
  selector: 'lib-users-page',
  imports: [
    PageHeader,
    EmptyState,
    MatTableModule,
    MatButton,
    MatIconButton,
    MatIcon,
    MatMenu,
    MatMenuContent,
    MatMenuItem,
    MatMenuTrigger,
    MatProgressSpinner,
    DateTimePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users-page.html',
  styleUrl: './users-page.scss',
})
export class UsersPage {
  readonly #api = inject(UsersApi);
  readonly #dialog = inject(MatDialog);
  readonly #me = inject(SessionStore);
  readonly #breakpoints = inject(BreakpointObserver);

  /** The users so far, page by page (until the first arrives, a spinner, not "no users"). */
  readonly #list = new KeysetList<ManagedUser>((cursor) => this.#api.list(cursor));
  protected readonly users = this.#list.items;
  protected readonly nextCursor = this.#list.nextCursor;
  protected readonly loaded = this.#list.loaded;
  protected readonly loadingMore = this.#list.loadingMore;
  protected readonly loadFailed = this.#list.loadFailed;
  protected readonly teams = signal<readonly Team[]>([]);
  /** The last outcome, for the polite live region above the table. */
  protected readonly status = signal('');
  /** The user whose command is running. */
  protected readonly busyUserId = signal<string | null>(null);

  readonly #narrow = toSignal(this.#breakpoints.observe(NARROW_QUERY), { initialValue: null });
  protected readonly narrow = computed(() => this.#narrow()?.matches ?? this.#breakpoints.isMatched(NARROW_QUERY));
  protected readonly columns = computed(() =>
    this.narrow() ? ['person', 'status', 'actions'] : ['person', 'role', 'team', 'status', 'mfa', 'actions'],
  );
  protected readonly roleLabel = roleLabel;
  /**
   * A lockout's end is about when the admin can tell the caller to try again: the admin's own
   * zone (the page shows no other time), not the program's.
   */
  protected readonly viewerZone = inject(VIEWER_TIME_ZONE);
  protected readonly commands = commandText;

  constructor() {
    this.reload();
    this.#api.teams().subscribe({ next: (teams) => this.teams.set(teams), error: () => this.teams.set([]) });
  }

  /** Starts the list again from the first page. */
  protected reload(): void {
    this.#list.reload();
  }

  protected loadMore(): void {
    this.#list.loadMore();
  }

  /**
   * Locked out by failed sign-ins right now. The API names the end only while it lasts; the
   * clock check keeps a page left open from still saying "locked" once the time has passed.
   */
  protected isLocked(user: ManagedUser): boolean {
    return !!user.lockedUntil && Date.parse(user.lockedUntil) > Date.now();
  }

  protected isMe(user: ManagedUser): boolean {
    return user.id === this.#me.user()?.id;
  }

  protected actionsLabel(user: ManagedUser): string {
    return $localize`:Menu button on a user row:Actions for ${user.displayName}:name:`;
  }

  protected openCreate(): void {
    this.#openForm({ teams: this.teams() });
  }

  protected openEdit(user: ManagedUser): void {
    this.#openForm({ user, teams: this.teams() });
  }

  protected run(user: ManagedUser, command: UserCommand): void {
    const text = commandText(command, user);
    confirmAction(this.#dialog, text.confirm)
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => {
          this.busyUserId.set(user.id);
          return this.#api.run(user, command).pipe(finalize(() => this.busyUserId.set(null)));
        }),
      )
      .subscribe((updated) => {
        this.#replace(updated);
        this.status.set(text.done);
      });
  }

  #openForm(data: UserFormData): void {
    this.#dialog
      .open<UserFormDialog, UserFormData, UserFormResult>(UserFormDialog, {
        data,
        width: '520px',
        maxWidth: 'calc(100vw - 32px)',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        if ('reload' in result) {
          this.reload();
          return;
        }
        const known = this.users().some((user) => user.id === result.saved.id);
        if (known) this.#replace(result.saved);
        else this.users.update((users) => [result.saved, ...users]);
        this.status.set(
          known
            ? $localize`Saved the changes to ${result.saved.displayName}:name:.`
            : $localize`Added ${result.saved.displayName}:name:.`,
        );
      });
  }

  #replace(updated: ManagedUser): void {
    this.users.update((users) => users.map((user) => (user.id === updated.id ? updated : user)));
  }
}
