import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatLabel, MatPrefix, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { foldAccents } from '@waypoint/shared-contracts';
import { type CaseloadRow, displayName, statusLabel } from '@waypoint/web-participant-data';

/** A participant chosen or let go. */
export interface AttendeeToggle {
  participant: CaseloadRow;
  chosen: boolean;
}

/**
 * Who came: the caller's participants as a checkbox list, narrowed as a name is typed (here, or
 * by the API when `filterHere` is off because the list is not all here). Plain checkboxes, so
 * Tab and Space choose without a pointer and a screen reader says what is chosen.
 */
@Component({
  selector: 'lib-attendee-picker',
  imports: [MatButton, MatCheckbox, MatFormField, MatIcon, MatInput, MatLabel, MatPrefix, MatProgressSpinner, MatSuffix],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="search" subscriptSizing="dynamic">
      <mat-label i18n>Find a participant</mat-label>
      <mat-icon matPrefix aria-hidden="true">search</mat-icon>
      <input matInput type="search" autocomplete="off" [value]="query()" (input)="typed($any($event.target).value)" />
      @if (busy() && participants() !== null) {
        <mat-progress-spinner matSuffix class="searching" mode="indeterminate" diameter="20" i18n-aria-label aria-label="Searching" />
      }
    </mat-form-field>

    @if (failed()) {
      <div class="message" role="alert">
        <span i18n>The participants could not be loaded.</span>
        <button matButton type="button" (click)="retry.emit()" i18n>Try again</button>
      </div>
    } @else if (participants() === null) {
      <div class="message"><mat-progress-spinner mode="indeterminate" diameter="24" i18n-aria-label aria-label="Loading the participants" /></div>
    } @else {
      <div class="list" role="group" [attr.aria-label]="listLabel()">
        @for (participant of shown(); track participant.id) {
          <mat-checkbox
            class="option"
            [class.chosen]="chosen().has(participant.id)"
            [checked]="chosen().has(participant.id)"
            [disabled]="full() && !chosen().has(participant.id)"
            (change)="toggled.emit({ participant, chosen: $event.checked })"
          >
            <span class="name">{{ name(participant) }}</span>
            @if (details(participant); as text) {
              <span class="details">{{ text }}</span>
            }
          </mat-checkbox>
        } @empty {
          @if (busy()) {
            <p class="none" i18n>Searching…</p>
          } @else if (query().trim()) {
            <p class="none" i18n>Nobody matches “{{ query().trim() }}”.</p>
          } @else {
            <p class="none" i18n>Nobody is in your care yet.</p>
          }
        }
        @if (more()) {
          <button matButton type="button" class="more" [disabled]="busy()" (click)="showMore.emit()">
            @if (query().trim()) {
              <ng-container i18n>Show more matches</ng-container>
            } @else {
              <ng-container i18n>Show more participants</ng-container>
            }
          </button>
        }
      </div>
    }
    <p class="count" role="status">
      @if (full()) {
        <ng-container i18n>{{ chosen().size }} chosen: the most one group session holds.</ng-container>
      } @else {
        <ng-container i18n>{chosen().size, plural, =0 {Nobody chosen yet} =1 {1 chosen} other {{{ chosen().size }} chosen}} (up to {{ max() }})</ng-container>
      }
    </p>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .search {
      width: 100%;
    }
    .list {
      display: flex;
      flex-direction: column;
      max-height: 336px;
      overflow-y: auto;
      padding: 4px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
    }
    .more {
      align-self: center;
    }
    .searching {
      margin-inline-end: 12px;
    }
    .option {
      border-radius: var(--mat-sys-corner-small);
      &.chosen {
        background: var(--mat-sys-secondary-container);
        color: var(--mat-sys-on-secondary-container);
      }
    }
    .name {
      font: var(--mat-sys-body-large);
    }
    .details {
      margin-inline-start: 8px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .none,
    .count {
      margin: 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .none {
      padding: 12px;
    }
    .message {
      display: flex;
      align-items: center;
      gap: 8px;
      min-height: 48px;
      padding: 0 12px;
    }
  `,
})
export class AttendeePicker {
  /** Who may be chosen (for a large roster, those matching what was typed); null while they load. */
  readonly participants = input.required<readonly CaseloadRow[] | null>();
  readonly chosen = input.required<ReadonlySet<string>>();
  readonly max = input.required<number>();
  /** Whether the participants could not be loaded. */
  readonly failed = input(false);
  /** The API holds more participants than `participants` (for what was typed, if anything). */
  readonly more = input(false);
  /** A search or the next page is loading. */
  readonly busy = input(false);
  /**
   * Whether `participants` is everyone, to be narrowed here as a name is typed. When not, the API
   * did the narrowing (its search also takes a date of birth, which no name here would match).
   */
  readonly filterHere = input(true);
  /** What `participants` answers when the API did the narrowing (trimmed, as it was sent). */
  readonly answered = input('');
  readonly listLabel = input($localize`Participants`);
  readonly toggled = output<AttendeeToggle>();
  readonly retry = output();
  /** What was typed, for a roster too large to be filtered here alone. */
  readonly queryChange = output<string>();
  readonly showMore = output();

  protected readonly query = signal('');
  protected readonly full = computed(() => this.chosen().size >= this.max());
  /** Those whose names match what is typed; the chosen ones stay in view. */
  protected readonly shown = computed(() => {
    const words = foldAccents(this.query()).split(/\s+/).filter(Boolean);
    const everyone = this.participants() ?? [];
    // Narrowed here when everyone is here, and also while the API's answer to what was typed is on
    // its way: the rows at hand, narrowed by name, rather than names that do not match.
    const narrowHere = this.filterHere() || this.query().trim() !== this.answered();
    if (words.length === 0 || !narrowHere) return everyone;
    return everyone.filter((participant) => {
      const names = foldAccents(`${participant.preferredName ?? ''} ${participant.legalFirstName} ${participant.legalLastName}`);
      return this.chosen().has(participant.id) || words.every((word) => names.split(/\s+/).some((name) => name.startsWith(word)));
    });
  });

  protected typed(text: string): void {
    this.query.set(text);
    this.queryChange.emit(text);
  }

  protected name(participant: CaseloadRow): string {
    return displayName(participant);
  }

  /** Pronouns, and the status when it is not the usual "active". */
  protected details(participant: CaseloadRow): string {
    return [participant.pronouns, participant.status === 'active' ? null : statusLabel(participant.status)].filter(Boolean).join(' · ');
  }
}
