import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatChipListbox, MatChipListboxChange, MatChipOption } from '@angular/material/chips';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { KeysetList } from '@waypoint/web-core';
import { ParticipantCareApi, type TimelineEntry } from '@waypoint/web-participant-data';
import { EmptyState } from '@waypoint/web-ui';
import { CalendarDatePipe } from '../shared/calendar-date.pipe';
import { describeEntry, groupByDay, TIMELINE_FILTERS } from './timeline-wording';

/**
 * The Timeline tab: everything recorded about the participant in one feed, newest first, a
 * heading per day, a page at a time. Filter chips narrow it to some kinds of entry.
 */
@Component({
  selector: 'lib-timeline-tab',
  imports: [EmptyState, MatButton, MatChipListbox, MatChipOption, MatIcon, MatProgressSpinner, CalendarDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './timeline-tab.html',
  styleUrl: './timeline-tab.scss',
})
export class TimelineTab {
  readonly #api = inject(ParticipantCareApi);
  /** The participant's id, from the shell's route. */
  readonly id = input.required<string>();

  protected readonly filters = TIMELINE_FILTERS;
  /** The filters chosen; none means every kind. */
  protected readonly chosen = signal<readonly string[]>([]);
  readonly #kinds = computed(() => TIMELINE_FILTERS.filter((filter) => this.chosen().includes(filter.id)).flatMap((filter) => filter.kinds));

  protected readonly list = new KeysetList<TimelineEntry>((cursor) => this.#api.timeline(this.id(), { cursor, kinds: this.#kinds() }));
  protected readonly days = computed(() =>
    groupByDay(this.list.items()).map((day) => ({ on: day.on, entries: day.entries.map((entry) => ({ entry, line: describeEntry(entry) })) })),
  );

  constructor() {
    // From the first page again whenever the participant or the filter changes.
    effect(() => {
      this.id();
      this.#kinds();
      untracked(() => this.list.reload());
    });
  }

  protected choose(change: MatChipListboxChange): void {
    this.chosen.set((change.value as string[] | null) ?? []);
  }

  protected showEverything(): void {
    this.chosen.set([]);
  }
}
