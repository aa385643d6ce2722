import { TestBed } from '@angular/core/testing';
import { COLOR_SCHEME_STORAGE_KEY, ThemeService } from './theme.service';

/** A controllable `prefers-color-scheme: dark` media query (jsdom has no matchMedia). */
function fakeOsPreference(dark: boolean) {
  const listeners = new Set<(event: MediaQueryListEvent) => void>();
  const query = {
    matches: dark,
    addEventListener: (_: string, listener: (event: MediaQueryListEvent) => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: (event: MediaQueryListEvent) => void) => listeners.delete(listener),
  };
  window.matchMedia = jest.fn().mockReturnValue(query);
  return {
    change(nowDark: boolean) {
      query.matches = nowDark;
      listeners.forEach((listener) => listener({ matches: nowDark } as MediaQueryListEvent));
    },
  };
}

function htmlClasses(): string[] {
  return [...document.documentElement.classList].filter((name) => name.startsWith('theme-'));
}

describe('ThemeService', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.className = '';
  });

  it('defaults to the operating system preference and applies it to <html>', () => {
    fakeOsPreference(true);
    const theme = TestBed.inject(ThemeService);
    TestBed.tick();

    expect(theme.scheme()).toBe('dark');
    expect(htmlClasses()).toEqual(['theme-dark']);
    expect(localStorage.getItem(COLOR_SCHEME_STORAGE_KEY)).toBeNull();
  });

  it('remembers a toggled choice and applies it', () => {
    fakeOsPreference(false);
    const theme = TestBed.inject(ThemeService);
    TestBed.tick();
    expect(htmlClasses()).toEqual(['theme-light']);

    theme.toggle();
    TestBed.tick();

    expect(theme.scheme()).toBe('dark');
    expect(htmlClasses()).toEqual(['theme-dark']);
    expect(localStorage.getItem(COLOR_SCHEME_STORAGE_KEY)).toBe('dark');
  });

  it('prefers a remembered choice over the operating system', () => {
    fakeOsPreference(true);
    localStorage.setItem(COLOR_SCHEME_STORAGE_KEY, 'light');
    const theme = TestBed.inject(ThemeService);
    TestBed.tick();

    expect(theme.scheme()).toBe('light');
    expect(htmlClasses()).toEqual(['theme-light']);
  });

  it('follows operating system changes until the user chooses', () => {
    const os = fakeOsPreference(false);
    const theme = TestBed.inject(ThemeService);

    os.change(true);
    expect(theme.scheme()).toBe('dark');

    theme.choose('light');
    os.change(true);
    expect(theme.scheme()).toBe('light');
  });

  it('ignores a stored value it does not know', () => {
    fakeOsPreference(false);
    localStorage.setItem(COLOR_SCHEME_STORAGE_KEY, 'sepia');
    expect(TestBed.inject(ThemeService).scheme()).toBe('light');
  });
});
