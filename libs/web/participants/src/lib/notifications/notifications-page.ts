import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { SessionStore } from '@waypoint/web-auth';
import { KeysetList } from '@waypoint/web-core';
import { type InAppNotification, NotificationsApi } from '@waypoint/web-participant-data';
import { DateTimePipe, EmptyState, PageHeader } from '@waypoint/web-ui';
import { map } from 'rxjs';
import { notificationIcon, notificationLink, notificationMessage } from './notification-message';

/** The API sends the latest this many, with no further pages. */
const LATEST = 50;

/**
 * The caller's in-app notifications, newest first, unread ones marked in words as well as weight.
 * Each links to what it is about (a returned note, else the participant); opening one marks it read, and "Mark read" does so in place.
 */
@Component({
  selector: 'lib-notifications-page',
  imports: [PageHeader, EmptyState, MatButton, MatIcon, MatProgressSpinner, RouterLink, DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './notifications-page.html',
  styleUrl: './notifications-page.scss',
})
export class NotificationsPage {
  readonly #api = inject(NotificationsApi);
  readonly #store = inject(SessionStore);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly #injector = inject(Injector);
  /** One page only (the API does not page), but the list states match every other list. */
  protected readonly list = new KeysetList<InAppNotification>(() => this.#api.list().pipe(map((answer) => ({ items: answer.items, nextCursor: null }))));
  /** Notifications being marked read (their button waits). */
  protected readonly marking = signal<ReadonlySet<string>>(new Set());
  protected readonly timeZone = computed(() => this.#store.user()?.timeZone ?? null);
  /** Whether the list may be cut off at the API's limit. */
  protected readonly capped = computed(() => this.list.items().length >= LATEST);
  protected readonly message = notificationMessage;
  protected readonly icon = notificationIcon;
  protected readonly link = notificationLink;

  constructor() {
    this.list.reload();
  }

  /** Opening a notification reads it; the request outlives this page, which is being left. */
  protected open(notification: InAppNotification): void {
    if (!notification.readAt) this.markRead(notification);
  }

  protected markRead(notification: InAppNotification): void {
    if (this.marking().has(notification.id)) return;
    this.marking.update((ids) => new Set([...ids, notification.id]));
    const settled = () => this.marking.update((ids) => new Set([...ids].filter((id) => id !== notification.id)));
    this.#api.markRead(notification.id).subscribe({
      next: () => {
        settled();
        const readAt = new Date().toISOString();
        this.list.items.update((items) => items.map((item) => (item.id === notification.id ? { ...item, readAt } : item)));
        afterNextRender(() => this.#keepFocus(notification.id), { injector: this.#injector });
      },
      error: settled,
    });
  }

  protected isMarking(notification: InAppNotification): boolean {
    return this.marking().has(notification.id);
  }

  /** Starts with the visible words, so voice control finds it (WCAG 2.5.3). */
  protected markReadLabel(notification: InAppNotification): string {
    return $localize`Mark read: ${notificationMessage(notification)}:notification:`;
  }

  /** The "Mark read" button goes once it has done its work; keep keyboard focus on that notification. */
  #keepFocus(id: string): void {
    const host = this.#host.nativeElement;
    const active = host.ownerDocument.activeElement;
    if (active && active !== host.ownerDocument.body) return;
    const item = [...host.querySelectorAll<HTMLElement>('li[data-notification]')].find((li) => li.dataset['notification'] === id);
    (item?.querySelector<HTMLElement>('a') ?? item)?.focus();
  }
}
