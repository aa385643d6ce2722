import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatTooltip } from '@angular/material/tooltip';
import { DomSanitizer, SafeUrl } from '@angular/platform-browser';
import type { MfaEnrollment } from '@waypoint/web-auth';

/** The secret as people type it: groups of four, easier to read from one screen into another. */
export function groupInFours(secret: string): string {
  return secret.replace(/\s+/g, '').match(/.{1,4}/g)?.join(' ') ?? '';
}

/**
 * First sign-in: how to add Waypoint to an authenticator app, by QR code or by typing the key.
 * The code field that confirms it follows on the page.
 */
@Component({
  selector: 'lib-enrollment-details',
  imports: [MatIconButton, MatIcon, MatTooltip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="steps">
      <li i18n>
        Open an authenticator app on your phone, such as Google Authenticator, Microsoft Authenticator or 2FAS.
      </li>
      <li>
        <ng-container i18n>Scan this QR code with the app:</ng-container>
        @if (qrUrl(); as url) {
          <img class="qr" [src]="url" width="200" height="200" i18n-alt alt="QR code for adding Waypoint to an authenticator app" />
        }
        <span class="manual" i18n>Or, if you cannot scan, enter this key in the app:</span>
        <span class="secret-row">
          <code class="secret" [attr.aria-label]="spokenSecret()">{{ groupedSecret() }}</code>
          <button
            matIconButton
            type="button"
            i18n-aria-label
            aria-label="Copy key"
            i18n-matTooltip
            matTooltip="Copy key"
            (click)="copySecret()"
          >
            <mat-icon>content_copy</mat-icon>
          </button>
        </span>
        <span class="copied" role="status">
          @if (copied()) {
            <ng-container i18n>Key copied.</ng-container>
          }
        </span>
      </li>
      <li i18n>Enter the 6-digit code the app shows for Waypoint.</li>
    </ol>
  `,
  styles: `
    .steps {
      margin: 0 0 16px;
      padding-inline-start: 20px;
      display: flex;
      flex-direction: column;
      gap: 12px;
      font: var(--mat-sys-body-medium);
    }
    .qr {
      display: block;
      margin: 12px auto;
      padding: 8px;
      border-radius: var(--mat-sys-corner-small);
      // The code must stay dark on light to scan, whatever the theme.
      background: #ffffff;
      max-width: 100%;
      height: auto;
    }
    .manual {
      display: block;
      margin-block-start: 4px;
    }
    .secret-row {
      display: flex;
      align-items: center;
      gap: 4px;
    }
    .secret {
      font-family: ui-monospace, 'Roboto Mono', monospace;
      font-size: 1rem;
      letter-spacing: 0.05em;
      overflow-wrap: anywhere;
      padding: 4px 8px;
      border-radius: var(--mat-sys-corner-extra-small);
      background: var(--mat-sys-surface-container-high);
    }
    .copied {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class EnrollmentDetails {
  readonly #sanitizer = inject(DomSanitizer);
  readonly #clipboard = inject(Clipboard);

  readonly enrollment = input.required<MfaEnrollment>();
  protected readonly copied = signal(false);

  /**
   * The server's SVG shown through <img>, where an SVG cannot run script or reach the page,
   * unlike inlining it with innerHTML. Angular's URL sanitiser does not know data:image/svg+xml,
   * hence the explicit trust, limited to a data URL we build here from an SVG document.
   */
  protected readonly qrUrl = computed<SafeUrl | null>(() => {
    const svg = this.enrollment().qrSvg.trim();
    if (!/^(<\?xml[^>]*>\s*)?<svg[\s>]/i.test(svg)) return null;
    const base64 = btoa(String.fromCharCode(...new TextEncoder().encode(svg)));
    return this.#sanitizer.bypassSecurityTrustUrl(`data:image/svg+xml;base64,${base64}`);
  });

  protected readonly groupedSecret = computed(() => groupInFours(this.enrollment().secret));
  /** Read out character by character, so a screen reader does not try to pronounce the groups. */
  protected readonly spokenSecret = computed(() => this.enrollment().secret.replace(/\s+/g, '').split('').join(' '));

  protected copySecret(): void {
    this.copied.set(this.#clipboard.copy(this.enrollment().secret.replace(/\s+/g, '')));
  }
}
