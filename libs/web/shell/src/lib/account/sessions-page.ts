import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCard } from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { AccountSession, AuthApi, SessionStore } from '@waypoint/web-auth';
import { DateTimePipe, EmptyState, PageHeader } from '@waypoint/web-ui';
import { finalize } from 'rxjs';
import { describeUserAgent } from './user-agent';

interface SessionRow extends AccountSession {
  device: ReturnType<typeof describeUserAgent>;
}

/** The browsers signed in as this person, with a way to end the ones that are not this one. */
@Component({
  selector: 'lib-sessions-page',
  imports: [PageHeader, EmptyState, MatCard, MatButton, MatIcon, MatProgressSpinner, DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sessions-page.html',
  styleUrl: './account-pages.scss',
})
export class SessionsPage {
  readonly #api = inject(AuthApi);
  readonly #store = inject(SessionStore);
  /** Times are shown in the program's time zone, like everything else in Waypoint. */
  protected readonly timeZone = computed(() => this.#store.user()?.timeZone ?? null);

  readonly #sessions = signal<AccountSession[] | null>(null);
  protected readonly rows = computed<SessionRow[] | null>(
    () => this.#sessions()?.map((session) => ({ ...session, device: describeUserAgent(session.userAgent) })) ?? null,
  );
  protected readonly loadFailed = signal(false);
  /** The session whose "End" is in flight. */
  protected readonly ending = signal<string | null>(null);
  /** Said politely to screen readers after a session ends, since its row disappears. */
  protected readonly announcement = signal('');

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loadFailed.set(false);
    this.#api.sessions().subscribe({
      next: (sessions) => this.#sessions.set(sessions),
      error: () => this.loadFailed.set(true),
    });
  }

  protected end(row: SessionRow): void {
    if (this.ending()) return;
    this.ending.set(row.id);
    this.#api
      .endSession(row.id)
      .pipe(finalize(() => this.ending.set(null)))
      .subscribe(() => {
        this.#sessions.update((sessions) => sessions?.filter((session) => session.id !== row.id) ?? null);
        this.announcement.set($localize`Ended the session on ${row.device.label}:device:.`);
      });
  }

  protected endLabel(row: SessionRow): string {
    return $localize`:Button that ends one of your other sessions:End session on ${row.device.label}:device:`;
  }
}
