import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { CosignQueueItem } from '@waypoint/web-participant-data';
import { DateTimePipe } from '@waypoint/web-ui';
import { CalendarDatePipe } from '../shared/calendar-date.pipe';
import { NoteGoals } from './note-goals';
import { contactTypeLabel, modalityLabel, noteSections, topicLabel } from './note-wording';
import { DailyCapReasonPipe } from '../notes/daily-cap-reason.pipe';

/** Gives each review its own heading id. */
let nextId = 0;

/**
 * One note of the co-sign queue as the supervisor reads it: its sections in the format's order,
 * topics, the risk check and the signature, with the participant's goals beside it (below it
 * when narrow). Offers what the note's status allows: co-sign a signed note, return a submitted
 * one, and says why the other is not possible.
 */
@Component({
  selector: 'lib-cosign-note-review',
  imports: [MatButton, MatIcon, RouterLink, DateTimePipe, CalendarDatePipe, NoteGoals, DailyCapReasonPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './cosign-note-review.html',
  styleUrl: './cosign-note-review.scss',
})
export class CosignNoteReview {
  readonly note = input.required<CosignQueueItem>();
  /** The signed-in person's time zone, for dates and times. */
  readonly timeZone = input<string | null>(null);
  /** Whether a command on this note is on its way (its buttons wait). */
  readonly busy = input(false);
  readonly cosign = output<void>();
  readonly returnNote = output<void>();

  protected readonly headingId = `cosign-review-${nextId++}`;
  protected readonly sections = computed(() => noteSections(this.note()));
  protected readonly contactType = computed(() => contactTypeLabel(this.note().contactType));
  protected readonly modality = computed(() => modalityLabel(this.note().modality));
  /** The signer's name with their credential as it was when they signed, e.g. "Jordan Avery, CPRS". */
  protected readonly signer = computed(() => {
    const { signedByName, signedByCredential } = this.note();
    return [signedByName, signedByCredential].filter(Boolean).join(', ');
  });
  protected readonly topicLabel = topicLabel;
}
