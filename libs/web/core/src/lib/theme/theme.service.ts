import { DOCUMENT } from '@angular/common';
import { computed, DestroyRef, effect, inject, Injectable, signal } from '@angular/core';

export type ColorScheme = 'light' | 'dark';

/** Where the user's explicit choice is kept between visits. */
export const COLOR_SCHEME_STORAGE_KEY = 'waypoint.color-scheme';

/** Class on <html> per scheme; theme.scss maps each to `color-scheme`. */
export const COLOR_SCHEME_CLASSES: Record<ColorScheme, string> = {
  light: 'theme-light',
  dark: 'theme-dark',
};

/**
 * The light/dark preference. Until the user chooses, it follows the operating system (and
 * keeps following it if that changes); once they choose, the choice is remembered.
 */
@Injectable({ providedIn: 'root' })
export class ThemeService {
  readonly #document = inject(DOCUMENT);
  readonly #window = this.#document.defaultView;
  readonly #darkQuery = this.#window?.matchMedia?.('(prefers-color-scheme: dark)');
  readonly #osPrefersDark = signal(this.#darkQuery?.matches ?? false);
  readonly #chosen = signal<ColorScheme | null>(this.#readChoice());

  /** The scheme in effect. */
  readonly scheme = computed<ColorScheme>(() => this.#chosen() ?? (this.#osPrefersDark() ? 'dark' : 'light'));

  constructor() {
    const onOsChange = (event: MediaQueryListEvent) => this.#osPrefersDark.set(event.matches);
    this.#darkQuery?.addEventListener?.('change', onOsChange);
    inject(DestroyRef).onDestroy(() => this.#darkQuery?.removeEventListener?.('change', onOsChange));

    effect(() => {
      const scheme = this.scheme();
      const classes = this.#document.documentElement.classList;
      classes.toggle(COLOR_SCHEME_CLASSES.dark, scheme === 'dark');
      classes.toggle(COLOR_SCHEME_CLASSES.light, scheme === 'light');
    });
  }

  /** Uses the given scheme from now on, including on later visits. */
  choose(scheme: ColorScheme): void {
    this.#chosen.set(scheme);
    try {
      this.#window?.localStorage.setItem(COLOR_SCHEME_STORAGE_KEY, scheme);
    } catch {
      // Storage can be disabled (private browsing, policy); the choice then lasts this visit.
    }
  }

  /** Switches between light and dark. */
  toggle(): void {
    this.choose(this.scheme() === 'dark' ? 'light' : 'dark');
  }

  #readChoice(): ColorScheme | null {
    try {
      const stored = this.#window?.localStorage.getItem(COLOR_SCHEME_STORAGE_KEY);
      return stored === 'light' || stored === 'dark' ? stored : null;
    } catch {
      return null;
    }
  }
}
