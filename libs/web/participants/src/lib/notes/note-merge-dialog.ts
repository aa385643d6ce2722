import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import type { Goal, SessionNote } from '@waypoint/web-participant-data';
import { DateTimePipe } from '@waypoint/web-ui';
import { fieldsFromNote, type NoteFields } from './note-fields';
import { conflictingFields, type MergeKey, mergeFields, mergeLabel, mergeValue } from './note-merge';

export interface NoteMergeData {
  /** What the form holds. */
  mine: NoteFields;
  /** The note as it was saved elsewhere (fetched after the 409). */
  theirs: SessionNote;
  goals: readonly Goal[];
  timeZone?: string | null;
}

/** The merged fields, to save on top of the version saved elsewhere. */
export type NoteMergeResult = NoteFields;

/**
 * Someone saved the note meanwhile (another tab or device): each field that differs, theirs
 * beside the person's own, to keep one or the other. Nothing is overwritten until they choose;
 * the dialog cannot be dismissed without choosing.
 */
@Component({
  selector: 'lib-note-merge-dialog',
  imports: [MatDialogTitle, MatDialogContent, MatDialogActions, MatButton, MatRadioGroup, MatRadioButton, DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title i18n>This note was changed elsewhere</h2>
    <mat-dialog-content>
      <p class="intro" i18n>
        It was saved from another tab or device at {{ data.theirs.updatedAt | dateTime: data.timeZone }}. For each difference, choose which
        to keep; nothing is saved until you do.
      </p>
      @for (row of rows; track row.key) {
        <fieldset class="row">
          <legend class="label">{{ row.label }}</legend>
          <div class="values">
            <div class="value">
              <span class="whose" i18n>Yours</span>
              <span class="text">{{ row.mine }}</span>
            </div>
            <div class="value">
              <span class="whose" i18n>Saved elsewhere</span>
              <span class="text">{{ row.theirs }}</span>
            </div>
          </div>
          <mat-radio-group class="choice" [value]="choice(row.key)" (change)="choose(row.key, $event.value)" [attr.aria-label]="row.label">
            <mat-radio-button value="mine" i18n>Keep mine</mat-radio-button>
            <mat-radio-button value="theirs" i18n>Take theirs</mat-radio-button>
          </mat-radio-group>
        </fieldset>
      } @empty {
        <p i18n>The two versions say the same; your note continues from the saved one.</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton="filled" type="button" (click)="apply()" i18n>Save merged note</button>
    </mat-dialog-actions>
  `,
  styles: `
    .intro { margin: 0 0 16px; }
    .row { margin: 0 0 16px; padding: 12px 16px; border: 1px solid var(--mat-sys-outline-variant); border-radius: var(--mat-sys-corner-medium); min-width: 0; }
    .label { padding: 0 4px; font: var(--mat-sys-title-small); }
    .values { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 8px 16px; margin-block-end: 8px; }
    .value { display: flex; flex-direction: column; gap: 2px; min-width: 0; }
    .whose { font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); }
    .text { white-space: pre-line; overflow-wrap: anywhere; }
    .choice { display: flex; flex-wrap: wrap; gap: 0 16px; }
  `,
})
export class NoteMergeDialog {
  protected readonly data = inject<NoteMergeData>(MAT_DIALOG_DATA);
  readonly #ref = inject<MatDialogRef<NoteMergeDialog, NoteMergeResult>>(MatDialogRef);
  readonly #theirs = fieldsFromNote(this.data.theirs);
  readonly #dateTime = new DateTimePipe();

  protected readonly rows = conflictingFields(this.data.mine, this.#theirs).map((key) => ({
    key,
    label: mergeLabel(key),
    mine: this.#value(this.data.mine, key),
    theirs: this.#value(this.#theirs, key),
  }));
  /** Fields where the person takes the version saved elsewhere; by default they keep their own. */
  readonly #takeTheirs = signal<ReadonlySet<MergeKey>>(new Set());

  protected choice(key: MergeKey): 'mine' | 'theirs' {
    return this.#takeTheirs().has(key) ? 'theirs' : 'mine';
  }

  protected choose(key: MergeKey, choice: 'mine' | 'theirs'): void {
    this.#takeTheirs.update((keys) => {
      const next = new Set(keys);
      if (choice === 'theirs') next.add(key);
      else next.delete(key);
      return next;
    });
  }

  protected apply(): void {
    const keepMine = new Set(this.rows.map((row) => row.key).filter((key) => !this.#takeTheirs().has(key)));
    this.#ref.close(mergeFields(this.data.mine, this.#theirs, keepMine));
  }

  #value(fields: NoteFields, key: MergeKey): string {
    const statement = (id: string) => this.data.goals.find((goal) => goal.id === id)?.statement ?? $localize`A goal no longer active`;
    return mergeValue(fields, key, statement, (iso) => this.#dateTime.transform(iso, this.data.timeZone));
  }
}
