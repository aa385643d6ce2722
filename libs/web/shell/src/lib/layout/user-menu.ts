import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDivider } from '@angular/material/divider';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { SessionExit, SessionStore } from '@waypoint/web-auth';
import { roleLabel } from '@waypoint/web-ui';

/** Who is signed in, in the top bar, with their account pages and "Sign out" behind it. */
@Component({
  selector: 'lib-user-menu',
  imports: [MatButton, MatIconButton, MatIcon, MatMenu, MatMenuItem, MatMenuTrigger, MatDivider, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.user(); as user) {
      @if (compact()) {
        <button matIconButton type="button" class="trigger" [matMenuTriggerFor]="menu" [attr.aria-label]="triggerLabel()">
          <mat-icon>account_circle</mat-icon>
        </button>
      } @else {
        <!-- The name is visible, so the accessible name starts with it (WCAG 2.5.3). -->
        <button matButton type="button" class="trigger" [matMenuTriggerFor]="menu" [attr.aria-label]="triggerLabel()">
          <mat-icon>account_circle</mat-icon>
          <span class="name">{{ user.displayName }}</span>
          <mat-icon iconPositionEnd>arrow_drop_down</mat-icon>
        </button>
      }
      <mat-menu #menu="matMenu" xPosition="before" class="user-menu-panel">
        <!-- Repeats the trigger's name for sighted users; screen readers heard it on the trigger. -->
        <div class="who" aria-hidden="true">
          <span class="who-name">{{ user.displayName }}</span>
          <span class="who-role">{{ role() }}</span>
          <span class="who-email">{{ user.email }}</span>
        </div>
        <mat-divider />
        <a mat-menu-item routerLink="/account/sessions">
          <mat-icon>devices</mat-icon>
          <span i18n>Your sessions</span>
        </a>
        <a mat-menu-item routerLink="/account/password">
          <mat-icon>password</mat-icon>
          <span i18n>Change password</span>
        </a>
        <mat-divider />
        <button mat-menu-item type="button" class="sign-out" [disabled]="signingOut()" (click)="signOut()">
          <mat-icon>logout</mat-icon>
          <span i18n>Sign out</span>
        </button>
      </mat-menu>
    }
  `,
  styles: `
    .trigger {
      margin-inline-start: 4px;
    }
    .name {
      max-width: 18ch;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .who {
      display: flex;
      flex-direction: column;
      gap: 2px;
      padding: 12px 16px;
      max-width: 280px;
    }
    .who-name {
      font: var(--mat-sys-title-small);
    }
    .who-role,
    .who-email {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
  `,
})
export class UserMenu {
  protected readonly store = inject(SessionStore);
  readonly #exit = inject(SessionExit);

  /** Whether to show only an icon (phone widths). */
  readonly compact = input(false);

  protected readonly signingOut = signal(false);
  protected readonly role = computed(() => roleLabel(this.store.user()?.role ?? ''));
  protected readonly triggerLabel = computed(() => {
    const name = this.store.user()?.displayName ?? '';
    return $localize`:Account menu button; the signed-in person's name, then their role:${name}:name:, ${this.role()}:role:: account menu`;
  });

  protected async signOut(): Promise<void> {
    this.signingOut.set(true);
    try {
      await this.#exit.signOut();
    } finally {
      this.signingOut.set(false);
    }
  }
}
