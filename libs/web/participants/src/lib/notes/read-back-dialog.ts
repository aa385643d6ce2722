import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { NOTE_SECTIONS } from '@waypoint/shared-contracts';
import type { Goal } from '@waypoint/web-participant-data';
import { DateTimePipe } from '@waypoint/web-ui';
import { CalendarDatePipe } from '../shared/calendar-date.pipe';
import { missingSections, type NoteFields, readyToSign } from './note-fields';
import { contactTypeLabel, modalityLabel, sectionLabel, topicLabel } from './note-labels';

export interface ReadBackData {
  fields: NoteFields;
  /** The participant's goals, to name the linked ones. */
  goals: readonly Goal[];
  /** Units the note bills and the claim code, when known. */
  units: number | null;
  code: string;
  /** "Jordan Avery · CPRS": who signs. */
  signer: string;
  timeZone?: string | null;
  /** Saves the "reviewed with the participant" answer to the note as it is ticked. */
  setReviewed: (reviewed: boolean) => void;
}

/** 'sign' when the person goes on to sign. */
export type ReadBackResult = 'sign' | undefined;

/**
 * The note in large plain text, to read through with the participant before signing (their
 * words are theirs to check), and the box to record that it was reviewed with them.
 */
@Component({
  selector: 'lib-read-back-dialog',
  imports: [MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton, MatCheckbox, DateTimePipe, CalendarDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title i18n>Read back</h2>
    <mat-dialog-content class="content">
      <p class="intro" i18n>Read the note with the participant. They can ask you to change anything before you sign.</p>
      <div class="note">
        <p class="when">
          @if (start) {
            {{ start | dateTime: data.timeZone }} ·
          }
          <ng-container i18n>{{ fields.durationMinutes }} minutes</ng-container> · {{ contactType }} · {{ modality }}
          @if (fields.location.trim()) {
            · {{ fields.location.trim() }}
          }
        </p>
        @for (name of sections; track name) {
          <h3 class="section">{{ sectionName(name) }}</h3>
          <p class="text">{{ sectionText(name) }}</p>
        }
        @if (goals.length) {
          <h3 class="section" i18n>Linked goals</h3>
          <ul class="list">
            @for (goal of goals; track goal) {
              <li>{{ goal }}</li>
            }
          </ul>
        }
        @if (topics) {
          <h3 class="section" i18n>Topics</h3>
          <p class="text">{{ topics }}</p>
        }
        <h3 class="section" i18n>Safety</h3>
        <p class="text">
          @if (fields.riskConcern) {
            <ng-container i18n>Safety concern: yes.</ng-container> {{ fields.riskDetail.trim() }}
          } @else {
            <ng-container i18n>No safety concern.</ng-container>
          }
          @if (fields.naloxoneProvided) {
            <ng-container i18n>Naloxone provided.</ng-container>
          }
        </p>
        @if (fields.followUpOn) {
          <h3 class="section" i18n>Next contact</h3>
          <p class="text">{{ fields.followUpOn | calendarDate: 'long' }}</p>
        }
        @if (data.units !== null) {
          <p class="billing" i18n>Billing: {data.units, plural, =1 {1 unit} other {{{ data.units }} units}} ({{ data.code }})</p>
        }
      </div>
      <mat-checkbox class="reviewed" [checked]="reviewed()" (change)="review($event.checked)" i18n>Reviewed with the participant</mat-checkbox>
      @if (!ready) {
        <p class="missing" role="alert" i18n>Still to write before signing: {{ missing.join(', ') }}.</p>
      } @else {
        <p class="signer" i18n>You sign as {{ data.signer }}. A signed note is locked; corrections are added as addenda.</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" [mat-dialog-close]="undefined" i18n>Back to editing</button>
      <button matButton="filled" type="button" [mat-dialog-close]="'sign'" [disabled]="!ready" i18n>Sign…</button>
    </mat-dialog-actions>
  `,
  styles: `
    .content { display: flex; flex-direction: column; gap: 12px; }
    .intro { margin: 0; color: var(--mat-sys-on-surface-variant); }
    .note { font-size: 1.25rem; line-height: 1.6; color: var(--mat-sys-on-surface); }
    .when { margin: 0 0 8px; font-weight: 500; }
    .section { margin: 16px 0 4px; font: var(--mat-sys-title-medium); color: var(--mat-sys-primary); }
    .text { margin: 0; white-space: pre-line; overflow-wrap: anywhere; }
    .list { margin: 0; padding-inline-start: 1.25em; }
    .billing { margin: 16px 0 0; font-size: 1rem; color: var(--mat-sys-on-surface-variant); }
    .reviewed { margin-block-start: 8px; }
    .missing { margin: 0; color: var(--mat-sys-error); }
    .signer { margin: 0; color: var(--mat-sys-on-surface-variant); }
  `,
})
export class ReadBackDialog {
  protected readonly data = inject<ReadBackData>(MAT_DIALOG_DATA);
  protected readonly fields = this.data.fields;
  protected readonly start = this.fields.startedAt || null;
  protected readonly contactType = contactTypeLabel(this.fields.contactType);
  protected readonly modality = modalityLabel(this.fields.modality);
  protected readonly sections = NOTE_SECTIONS[this.fields.format];
  protected readonly goals = this.fields.goalIds.map((id) => this.data.goals.find((goal) => goal.id === id)?.statement).filter((statement) => !!statement);
  protected readonly topics = this.fields.topics.map(topicLabel).join(', ');
  protected readonly missing = missingSections(this.fields).map(sectionLabel);
  protected readonly ready = readyToSign(this.fields);
  protected readonly reviewed = signal(this.fields.reviewedWithParticipant);

  protected sectionName(name: string): string {
    return sectionLabel(name);
  }

  protected sectionText(name: string): string {
    return (this.fields.sections[name] ?? '').trim() || $localize`(not written yet)`;
  }

  protected review(reviewed: boolean): void {
    this.reviewed.set(reviewed);
    this.data.setReviewed(reviewed);
  }
}
