import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { type CaseloadRow, displayName, statusLabel } from '@waypoint/web-participant-data';

/** A participant chosen or let go. */
export interface AttendeeToggle {
  participant: CaseloadRow;
  chosen: boolean;
}

/** Lower case without accents, so "jose" finds "José". */
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Who came: the caller's participants as a checkbox list, narrowed as a name is typed. Plain
 * checkboxes, so Tab and Space choose without a pointer and a screen reader says what is chosen.
 */
@Component({
  selector: 'lib-attendee-picker',
  imports: [MatButton, MatCheckbox, MatFormField, MatIcon, MatInput, MatLabel, MatPrefix, MatProgressSpinner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="search" subscriptSizing="dynamic">
      <mat-label i18n>Find a participant</mat-label>
      <mat-icon matPrefix aria-hidden="true">search</mat-icon>
      <input matInput type="search" autocomplete="off" [value]="query()" (input)="query.set($any($event.target).value)" />
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
          @if (query().trim()) {
            <p class="none" i18n>Nobody matches “{{ query().trim() }}”.</p>
          } @else {
            <p class="none" i18n>Nobody is in your care yet.</p>
          }
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
  /** Everyone who may be chosen; null while they load. */
  readonly participants = input.required<readonly CaseloadRow[] | null>();
  readonly chosen = input.required<ReadonlySet<string>>();
  readonly max = input.required<number>();
  /** Whether the participants could not be loaded. */
  readonly failed = input(false);
  readonly listLabel = input($localize`Participants`);
  readonly toggled = output<AttendeeToggle>();
  readonly retry = output();

  protected readonly query = signal('');
  protected readonly full = computed(() => this.chosen().size >= this.max());
  /** Those whose names match what is typed; the chosen ones stay in view. */
  protected readonly shown = computed(() => {
    const words = folded(this.query()).split(/\s+/).filter(Boolean);
    const everyone = this.participants() ?? [];
    if (words.length === 0) return everyone;
    return everyone.filter((participant) => {
      const names = folded(`${participant.preferredName ?? ''} ${participant.legalFirstName} ${participant.legalLastName}`);
      return this.chosen().has(participant.id) || words.every((word) => names.split(/\s+/).some((name) => name.startsWith(word)));
    });
  });

  protected name(participant: CaseloadRow): string {
    return displayName(participant);
  }

  /** Pronouns, and the status when it is not the usual "active". */
  protected details(participant: CaseloadRow): string {
    return [participant.pronouns, participant.status === 'active' ? null : statusLabel(participant.status)].filter(Boolean).join(' · ');
  }
}
