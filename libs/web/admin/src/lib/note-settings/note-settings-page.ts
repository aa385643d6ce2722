import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { type MatChipInputEvent, MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatRadioModule } from '@angular/material/radio';
import { NOTE_TOPIC_MAX_LENGTH, NOTE_TOPICS_MAX, NoteFormats, NoteTopics } from '@waypoint/shared-contracts';
import { describeHttpError } from '@waypoint/web-core';
import { noteFormatLabel, noteTopicLabel, NoteSettingsApi, type NoteSettings } from '@waypoint/web-participant-data';
import { EmptyState, PageHeader } from '@waypoint/web-ui';
import { addedTopic, sameSettings, type TopicDraft } from './topic-list';

/**
 * How the program writes its notes: the format a new note starts in, and the topics notes are
 * tagged with (the built-in ones it keeps, and its own). Saved whole, with the version read; a
 * change by another admin meanwhile is shown, not overwritten.
 */
@Component({
  selector: 'lib-note-settings-page',
  imports: [PageHeader, EmptyState, FormsModule, MatRadioModule, MatChipsModule, MatFormFieldModule, MatButton, MatIcon, MatProgressSpinner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './note-settings-page.html',
  styleUrl: './note-settings-page.scss',
})
export class NoteSettingsPage {
  readonly #api = inject(NoteSettingsApi);

  protected readonly formats = NoteFormats;
  protected readonly formatLabel = noteFormatLabel;
  protected readonly topicLabel = noteTopicLabel;
  protected readonly maxTopics = NOTE_TOPICS_MAX;
  protected readonly maxLength = NOTE_TOPIC_MAX_LENGTH;

  /** What the server holds (null until loaded). */
  protected readonly saved = signal<NoteSettings | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly format = signal<NoteSettings['defaultFormat']>('GIRP');
  protected readonly topics = signal<string[]>([]);
  /** Why the last typed topic was not added, shown under the field. */
  protected readonly topicProblem = signal('');
  protected readonly saving = signal(false);
  /** The last outcome, for the polite live region. */
  protected readonly status = signal('');
  protected readonly problem = signal('');
  /** Another admin saved meanwhile: offer to load theirs. */
  protected readonly stale = signal(false);

  protected readonly draft = computed<TopicDraft>(() => ({ defaultFormat: this.format(), topics: this.topics() }));
  protected readonly changed = computed(() => {
    const saved = this.saved();
    return !!saved && !sameSettings(saved, this.draft());
  });
  /** Built-in topics the program does not offer now, to put back with one click. */
  protected readonly unusedBuiltIns = computed(() => NoteTopics.filter((topic) => !this.topics().includes(topic)));
  protected readonly full = computed(() => this.topics().length >= NOTE_TOPICS_MAX);

  constructor() {
    this.reload();
  }

  protected reload(): void {
    this.loadFailed.set(false);
    this.saved.set(null);
    this.#api.settings().subscribe({
      next: (settings) => this.#show(settings),
      error: () => this.loadFailed.set(true),
    });
  }

  protected add(event: MatChipInputEvent): void {
    const result = addedTopic(this.topics(), event.value);
    this.topicProblem.set(result.problem ?? '');
    if (result.problem) return;
    this.topics.set(result.topics);
    event.chipInput.clear();
  }

  protected removeLabel(topic: string): string {
    return $localize`:Remove button on a topic chip:Remove ${noteTopicLabel(topic)}:topic:`;
  }

  protected addLabel(topic: string): string {
    return $localize`:Button putting a built-in topic back on the list:Add ${noteTopicLabel(topic)}:topic:`;
  }

  protected putBack(topic: string): void {
    if (this.full()) return;
    this.topics.update((topics) => [...topics, topic]);
  }

  protected remove(topic: string): void {
    this.topics.update((topics) => topics.filter((candidate) => candidate !== topic));
    this.status.set($localize`Removed “${noteTopicLabel(topic)}:topic:”. Notes already tagged with it keep it.`);
  }

  protected discard(): void {
    const saved = this.saved();
    if (saved) this.#show(saved);
    this.status.set($localize`Changes discarded.`);
  }

  protected save(): void {
    const saved = this.saved();
    if (!saved || this.saving() || this.topics().length === 0) return;
    this.saving.set(true);
    this.problem.set('');
    this.#api.update({ ...this.draft(), version: saved.version }).subscribe({
      next: (settings) => {
        this.saving.set(false);
        this.#show(settings);
        this.status.set($localize`Saved. New notes start in ${noteFormatLabel(settings.defaultFormat)}:format: with these ${settings.topics.length}:count: topics.`);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        if (error instanceof HttpErrorResponse && error.status === 409) {
          this.stale.set(true);
          return;
        }
        const described = error instanceof HttpErrorResponse ? describeHttpError(error) : null;
        this.problem.set(described?.detail ?? described?.title ?? $localize`The settings could not be saved. Try again.`);
      },
    });
  }

  #show(settings: NoteSettings): void {
    this.saved.set(settings);
    this.format.set(settings.defaultFormat);
    this.topics.set([...settings.topics]);
    this.stale.set(false);
    this.problem.set('');
    this.topicProblem.set('');
  }
}
