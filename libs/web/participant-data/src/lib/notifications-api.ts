import { HttpClient } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import { withoutProblemSnackbar } from '@waypoint/web-core';
import { type Observable, tap } from 'rxjs';
import type { NotificationList } from './notifications.models';

const NOTIFICATIONS = '/api/v1/notifications';

/**
 * The caller's in-app notifications. It also keeps the unread count from the latest answer,
 * less what has been marked read since, so the top bar's badge and the notifications page
 * agree. The badge asks `unreadCount()`, which names no participant and so is not audited.
 */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  readonly #http = inject(HttpClient);
  readonly #unread = signal<number | null>(null);

  /** Unread notifications as last heard; null until the first answer. */
  readonly unread = this.#unread.asReadonly();

  /** The latest notifications, newest first (the API sends at most 50 and no cursor). */
  list(): Observable<NotificationList> {
    return this.#http.get<NotificationList>(NOTIFICATIONS).pipe(tap((list) => this.#unread.set(list.unread)));
  }

  /** Just the unread count (for the badge, quiet on failure): no names, so no audit row. */
  refreshUnread(): Observable<{ unread: number }> {
    return this.#http
      .get<{ unread: number }>(`${NOTIFICATIONS}/unread-count`, { context: withoutProblemSnackbar() })
      .pipe(tap((body) => this.#unread.set(body.unread)));
  }

  /** Marks one read (idempotent on the server); the count drops once the server agrees. */
  markRead(id: string): Observable<void> {
    return this.#http
      .post<void>(`${NOTIFICATIONS}/${encodeURIComponent(id)}/read`, null)
      .pipe(tap(() => this.#unread.update((count) => (count === null ? null : Math.max(0, count - 1)))));
  }
}
