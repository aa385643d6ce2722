import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatTableModule } from '@angular/material/table';
import { SessionStore } from '@waypoint/web-auth';
import { KeysetList } from '@waypoint/web-core';
import { DateTimePipe, EmptyState, PageHeader, roleLabel } from '@waypoint/web-ui';
import { filter, finalize, switchMap } from 'rxjs';
import { ParticipantsApi, type BreakGlassReview } from '@waypoint/web-participant-data';
import { AcknowledgeDialog } from './acknowledge-dialog';

/** Every emergency access in the program, waiting for someone other than the requester to review it. */
@Component({
  selector: 'lib-emergency-reviews-page',
  imports: [PageHeader, EmptyState, MatTableModule, MatButton, MatButtonToggleGroup, MatButtonToggle, MatProgressSpinner, DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './emergency-reviews-page.html',
  styleUrl: './emergency-reviews-page.scss',
})
export class EmergencyReviewsPage {
  readonly #api = inject(ParticipantsApi);
  readonly #dialog = inject(MatDialog);
  readonly #me = inject(SessionStore);

  protected readonly pendingOnly = signal(true);
  protected readonly list = new KeysetList<BreakGlassReview>((cursor) => this.#api.reviews(this.pendingOnly(), cursor));
  protected readonly busyId = signal<string | null>(null);
  protected readonly status = signal('');
  protected readonly columns = ['granted', 'requester', 'participant', 'reason', 'state', 'actions'];
  protected readonly roleLabel = roleLabel;
  protected readonly nothingPending = $localize`Nothing waiting for review`;
  protected readonly nothingAtAll = $localize`No emergency access has been used`;

  constructor() {
    this.list.reload();
  }

  protected show(pendingOnly: boolean): void {
    this.pendingOnly.set(pendingOnly);
    this.list.reload();
  }

  /** Nobody reviews their own emergency access (the API refuses it too). */
  protected isMine(review: BreakGlassReview): boolean {
    return review.requesterId === this.#me.user()?.id;
  }

  protected acknowledgeLabel(review: BreakGlassReview): string {
    return $localize`:Button on a review row:Acknowledge the access by ${review.requesterName}:name:`;
  }

  protected acknowledge(review: BreakGlassReview): void {
    this.#dialog
      .open<AcknowledgeDialog, BreakGlassReview, string>(AcknowledgeDialog, { data: review, width: '520px', maxWidth: 'calc(100vw - 32px)' })
      .afterClosed()
      .pipe(
        filter((note): note is string => note !== undefined),
        switchMap((note) => {
          this.busyId.set(review.id);
          return this.#api.acknowledge(review.id, note).pipe(finalize(() => this.busyId.set(null)));
        }),
      )
      .subscribe(() => {
        this.status.set($localize`Acknowledged the emergency access by ${review.requesterName}:name:.`);
        this.list.reload();
      });
  }
}
