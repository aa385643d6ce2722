import { Clipboard } from '@angular/cdk/clipboard';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatIcon } from '@angular/material/icon';

/**
 * The ten recovery codes, shown once after enrolling. Moving on needs an explicit "I have saved
 * these", because there is no way to see them again.
 */
@Component({
  selector: 'lib-recovery-codes-step',
  imports: [MatButton, MatCheckbox, MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="intro" i18n>
      If you lose your phone, each of these codes lets you sign in once. Write them down or keep them in a password
      manager. They will not be shown again.
    </p>
    <ol class="codes" #codeList tabindex="-1" i18n-aria-label aria-label="Recovery codes">
      @for (code of codes(); track code) {
        <li><code>{{ code }}</code></li>
      }
    </ol>
    <button matButton="outlined" type="button" class="copy" (click)="copy()">
      <mat-icon>content_copy</mat-icon>
      <span i18n>Copy all codes</span>
    </button>
    <p class="copied" role="status">
      @if (copied()) {
        <ng-container i18n>Codes copied.</ng-container>
      }
    </p>
    <mat-checkbox [checked]="saved()" (change)="saved.set($event.checked); showReminder.set(false)">
      <ng-container i18n>I have saved these codes somewhere safe</ng-container>
    </mat-checkbox>
    @if (showReminder()) {
      <p class="reminder" role="alert" i18n>Save your codes and tick the box before you continue.</p>
    }
    <button matButton="filled" type="button" class="continue" (click)="continue()" i18n>Continue to Waypoint</button>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .intro {
      margin: 0 0 8px;
    }
    // No numbers: the codes are used in any order, and markers crowd two columns on a phone.
    .codes {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(12ch, 1fr));
      gap: 6px 24px;
      margin: 0;
      padding: 16px 20px;
      list-style: none;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-high);
      font-family: ui-monospace, 'Roboto Mono', monospace;
      font-size: 1rem;
    }
    .copy {
      align-self: flex-start;
    }
    .copied {
      margin: 0;
      min-height: 1.25em;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .reminder {
      margin: 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
    .continue {
      margin-block-start: 8px;
      height: 48px;
    }
  `,
})
export class RecoveryCodesStep {
  readonly #clipboard = inject(Clipboard);
  readonly codes = input.required<readonly string[]>();
  readonly done = output<void>();

  protected readonly saved = signal(false);
  protected readonly showReminder = signal(false);
  protected readonly copied = signal(false);
  private readonly codeList = viewChild.required<ElementRef<HTMLElement>>('codeList');

  constructor() {
    // Land on the codes, so a screen reader starts reading where the news is.
    afterNextRender(() => this.codeList().nativeElement.focus());
  }

  protected copy(): void {
    this.copied.set(this.#clipboard.copy(this.codes().join('\n')));
  }

  protected continue(): void {
    if (!this.saved()) {
      this.showReminder.set(true);
      return;
    }
    this.done.emit();
  }
}
