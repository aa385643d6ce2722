import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { toObservable, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { type AccessHistoryEntry, actionLabel, AuditApi, outcomeLabel } from '@waypoint/web-audit-data';
import { DateTimePipe, roleLabel } from '@waypoint/web-ui';
import { catchError, combineLatest, map, of, startWith, switchMap } from 'rxjs';

type AccessState = { kind: 'loading' } | { kind: 'loaded'; items: AccessHistoryEntry[] } | { kind: 'failed' };

/**
 * For the participant's supervisor: the last ten times someone opened or changed this record,
 * from the audit trail, with a link to the full trail for this participant.
 */
@Component({
  selector: 'lib-recent-access-card',
  imports: [MatButton, MatProgressSpinner, RouterLink, DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './recent-access-card.html',
  styleUrl: './recent-access-card.scss',
})
export class RecentAccessCard {
  readonly #api = inject(AuditApi);
  readonly participantId = input.required<string>();

  readonly #attempt = signal(0);
  protected readonly state = signal<AccessState>({ kind: 'loading' });
  protected readonly actionLabel = actionLabel;
  protected readonly outcomeLabel = outcomeLabel;
  protected readonly roleLabel = roleLabel;

  constructor() {
    combineLatest([toObservable(this.participantId), toObservable(this.#attempt)])
      .pipe(
        switchMap(([id]) =>
          this.#api.accessHistory(id).pipe(
            map((items): AccessState => ({ kind: 'loaded', items })),
            catchError(() => of<AccessState>({ kind: 'failed' })),
            startWith<AccessState>({ kind: 'loading' }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((state) => this.state.set(state));
  }

  protected retry(): void {
    this.#attempt.update((n) => n + 1);
  }
}
