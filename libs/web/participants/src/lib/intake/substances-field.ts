import { ChangeDetectionStrategy, Component, computed, ElementRef, input, type OnInit, signal, viewChild } from '@angular/core';
import type { FormControl } from '@angular/forms';
import { MatAutocomplete, type MatAutocompleteSelectedEvent, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatChipGrid, type MatChipInputEvent, MatChipInput, MatChipRemove, MatChipRow } from '@angular/material/chips';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { CommonSubstances } from '@waypoint/shared-contracts';
import { substanceLabel } from '@waypoint/web-participant-data';
import { COMMA, ENTER } from '@angular/cdk/keycodes';

/** The API's limits on primary substances. */
export const MAX_SUBSTANCES = 12;
const MAX_SUBSTANCE_LENGTH = 40;

/**
 * Primary substances as chips: the common ones offered as the person types, anything else
 * added as typed (Enter or comma). Values are kept as plain lower-case words, as stored.
 */
@Component({
  selector: 'lib-substances-field',
  imports: [MatFormField, MatLabel, MatHint, MatChipGrid, MatChipRow, MatChipRemove, MatChipInput, MatAutocomplete, MatAutocompleteTrigger, MatOption, MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="field">
      <mat-label i18n>Primary substances</mat-label>
      <mat-chip-grid #grid i18n-aria-label aria-label="Primary substances">
        @for (substance of values(); track substance) {
          <mat-chip-row (removed)="remove(substance)">
            {{ substanceLabel(substance) }}
            <button matChipRemove type="button" [attr.aria-label]="removeLabel(substance)"><mat-icon>cancel</mat-icon></button>
          </mat-chip-row>
        }
      </mat-chip-grid>
      <input
        #text
        [matChipInputFor]="grid"
        [matChipInputSeparatorKeyCodes]="separators"
        [matAutocomplete]="auto"
        [disabled]="values().length >= max"
        (matChipInputTokenEnd)="addTyped($event)"
        (input)="typed.set(text.value)"
        autocomplete="off"
        [maxLength]="maxLength"
      />
      <mat-autocomplete #auto="matAutocomplete" (optionSelected)="addSelected($event)">
        @for (option of options(); track option) {
          <mat-option [value]="option">{{ substanceLabel(option) }}</mat-option>
        }
      </mat-autocomplete>
      <mat-hint i18n>Choose from the list or type another and press Enter (up to {{ max }})</mat-hint>
    </mat-form-field>
  `,
  styles: `
    :host { display: block; }
    .field { width: 100%; }
  `,
})
export class SubstancesField implements OnInit {
  /** The form's control holding the chosen substances. */
  readonly control = input.required<FormControl<string[]>>();

  protected readonly values = signal<string[]>([]);
  protected readonly typed = signal('');
  protected readonly options = computed(() => {
    const query = this.typed().trim().toLowerCase();
    return CommonSubstances.filter((option) => !this.values().includes(option) && option.includes(query));
  });
  protected readonly separators = [ENTER, COMMA] as const;
  protected readonly max = MAX_SUBSTANCES;
  protected readonly maxLength = MAX_SUBSTANCE_LENGTH;
  protected readonly substanceLabel = substanceLabel;

  private readonly text = viewChild.required<ElementRef<HTMLInputElement>>('text');
  private readonly trigger = viewChild.required(MatAutocompleteTrigger);

  ngOnInit(): void {
    this.values.set(this.control().value);
  }

  protected removeLabel(substance: string): string {
    return $localize`:Button on a substance chip:Remove ${substanceLabel(substance)}:substance:`;
  }

  protected addTyped(event: MatChipInputEvent): void {
    // Enter on a highlighted suggestion: the autocomplete adds that one instead.
    if (this.trigger().activeOption) return;
    this.#add(event.value);
    event.chipInput.clear();
    this.typed.set('');
  }

  protected addSelected(event: MatAutocompleteSelectedEvent): void {
    this.#add(String(event.option.value));
    this.text().nativeElement.value = '';
    this.typed.set('');
  }

  protected remove(substance: string): void {
    this.#set(this.values().filter((value) => value !== substance));
  }

  #add(raw: string): void {
    const value = raw.trim().replace(/\s+/g, ' ').toLowerCase().slice(0, MAX_SUBSTANCE_LENGTH);
    if (!value || this.values().includes(value) || this.values().length >= MAX_SUBSTANCES) return;
    this.#set([...this.values(), value]);
  }

  #set(values: string[]): void {
    this.values.set(values);
    this.control().setValue(values);
    this.control().markAsDirty();
  }
}
