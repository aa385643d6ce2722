import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, linkedSignal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatListItem, MatListItemIcon, MatListItemTitle, MatNavList } from '@angular/material/list';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { SessionStore } from '@waypoint/web-auth';
import { ThemeService } from '@waypoint/web-core';
import { Logo } from '@waypoint/web-ui';
import { map } from 'rxjs';
import { IdleWatcher } from '../session/idle-watcher';
import { navItemsFor } from './nav-items';
import { EmergencyAccessBanner } from './emergency-access-banner';
import { NotificationsBell } from './notifications-bell';
import { UserMenu } from './user-menu';

/** From this width the navigation stays open beside the content (Material 3's "expanded" size). */
export const DESKTOP_QUERY = '(min-width: 840px)';

/** The frame around every signed-in page: top bar, main navigation, and the routed page. */
@Component({
  selector: 'lib-shell-layout',
  imports: [
    MatToolbar,
    MatIconButton,
    MatIcon,
    MatTooltip,
    MatSidenavContainer,
    MatSidenav,
    MatSidenavContent,
    MatNavList,
    MatListItem,
    MatListItemIcon,
    MatListItemTitle,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    Logo,
    UserMenu,
    EmergencyAccessBanner,
    NotificationsBell,
  ],
  // One idle watcher per signed-in frame: it lives exactly as long as the shell is shown.
  providers: [IdleWatcher],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell-layout.html',
  styleUrl: './shell-layout.scss',
})
export class ShellLayout {
  readonly #breakpoints = inject(BreakpointObserver);
  protected readonly theme = inject(ThemeService);
  readonly #store = inject(SessionStore);

  /** Only the destinations the signed-in person's role may use. */
  protected readonly navItems = computed(() => navItemsFor(this.#store.permissions()));

  /** Whether the window is wide enough to keep the navigation open beside the content. */
  protected readonly isDesktop = toSignal(
    this.#breakpoints.observe(DESKTOP_QUERY).pipe(map((state) => state.matches)),
    { initialValue: this.#breakpoints.isMatched(DESKTOP_QUERY) },
  );

  /** Whether the phone menu is open; reset whenever the layout switches between phone and desktop. */
  readonly #menuOpen = linkedSignal({ source: this.isDesktop, computation: () => false });

  /** Whether the navigation is shown. */
  protected readonly navOpen = computed(() => this.isDesktop() || this.#menuOpen());

  protected readonly themeToggleLabel = computed(() =>
    this.theme.scheme() === 'dark'
      ? $localize`:Theme toggle button:Switch to light theme`
      : $localize`:Theme toggle button:Switch to dark theme`,
  );

  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  constructor() {
    inject(IdleWatcher).start();
  }

  protected toggleMenu(): void {
    this.#menuOpen.update((open) => !open);
  }

  /**
   * Keeps our state in step when the drawer closes itself (backdrop click, Escape). Opening
   * only ever comes from our binding, and its event can arrive late, after a switch to phone
   * width, so only closes are taken.
   */
  protected onNavOpenedChange(open: boolean): void {
    if (!open) this.#menuOpen.set(false);
  }

  /** On a phone the drawer covers the page, so close it once a destination is chosen. */
  protected onNavigate(): void {
    if (!this.isDesktop()) this.#menuOpen.set(false);
  }

  /**
   * A plain `#main-content` link would resolve against <base href="/"> and reload the app,
   * so the skip link moves focus itself.
   */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }
}
