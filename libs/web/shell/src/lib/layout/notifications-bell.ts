import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatBadge } from '@angular/material/badge';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatTooltip } from '@angular/material/tooltip';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { SessionStore } from '@waypoint/web-auth';
import { NotificationsApi } from '@waypoint/web-participant-data';
import { filter } from 'rxjs';

/**
 * How often, at most, the badge asks again. It asks on navigation rather than on a timer, and
 * asks only for the count (which is not audited), so an idle tab costs the server nothing.
 */
export const NOTIFICATIONS_REFRESH_MS = 60_000;

/** The top bar's way to the notifications page, with the unread count as a badge. */
@Component({
  selector: 'lib-notifications-bell',
  imports: [MatIconButton, MatIcon, MatBadge, MatTooltip, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (canHear) {
      <!-- The badge itself is hidden from screen readers; the label carries the count. -->
      <a
        matIconButton
        routerLink="/notifications"
        class="bell"
        [attr.aria-label]="label()"
        [matTooltip]="tooltip"
        [matBadge]="badge()"
        [matBadgeHidden]="!unread()"
        matBadgeSize="small"
      >
        <mat-icon>{{ unread() ? 'notifications_active' : 'notifications' }}</mat-icon>
      </a>
    }
  `,
})
export class NotificationsBell {
  readonly #api = inject(NotificationsApi);
  readonly #router = inject(Router);
  /** Whether the signed-in person can receive notifications (the API asks for `session:own`). */
  protected readonly canHear = inject(SessionStore).can('session:own');
  #lastAsked = Number.NEGATIVE_INFINITY;

  protected readonly unread = computed(() => this.#api.unread() ?? 0);
  protected readonly badge = computed(() => (this.unread() > 99 ? '99+' : String(this.unread())));
  protected readonly tooltip = $localize`:Top bar button:Notifications`;
  protected readonly label = computed(() =>
    this.unread() ? $localize`:Top bar button, with the unread count:Notifications, ${this.unread()}:count: unread` : this.tooltip,
  );

  constructor() {
    if (!this.canHear) return;
    // The navigation that opens the shell ends after the shell is made, so it is heard too.
    this.#router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.#refresh());
  }

  #refresh(): void {
    // The notifications page reads the list itself, which updates the count too.
    if (this.#router.url.startsWith('/notifications')) return;
    const now = Date.now();
    if (now - this.#lastAsked < NOTIFICATIONS_REFRESH_MS) return;
    this.#lastAsked = now;
    this.#api.refreshUnread().subscribe({ error: () => undefined });
  }
}
