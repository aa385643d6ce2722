import { BreakpointObserver, BreakpointState } from '@angular/cdk/layout';
import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSidenavHarness } from '@angular/material/sidenav/testing';
import { provideRouter } from '@angular/router';
import { Role } from '@waypoint/shared-contracts';
import { SessionStore } from '@waypoint/web-auth';
import { ThemeService } from '@waypoint/web-core';
import { BehaviorSubject, map } from 'rxjs';
import { NAV_ITEMS } from './nav-items';
import { fakeSessionStore, sessionUser } from '../testing/fake-session-store';
import { ShellLayout } from './shell-layout';

@Component({ template: '' })
class Blank {}

describe('ShellLayout', () => {
  let desktop: BehaviorSubject<boolean>;
  let fixture: ComponentFixture<ShellLayout>;
  let element: HTMLElement;

  async function render(isDesktop: boolean, role: Role = 'supervisor'): Promise<void> {
    desktop = new BehaviorSubject(isDesktop);
    TestBed.configureTestingModule({
      providers: [
        provideRouter(NAV_ITEMS.map((item) => ({ path: item.path, component: Blank }))),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: SessionStore, useValue: fakeSessionStore(sessionUser(role, { displayName: 'Maria Delgado' })) },
        {
          provide: BreakpointObserver,
          useValue: {
            observe: () => desktop.pipe(map((matches): BreakpointState => ({ matches, breakpoints: {} }))),
            isMatched: () => desktop.value,
          },
        },
      ],
    });
    fixture = TestBed.createComponent(ShellLayout);
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  const sidenav = () => TestbedHarnessEnvironment.loader(fixture).getHarness(MatSidenavHarness);
  const menuButton = () => element.querySelector<HTMLButtonElement>('.menu-button');

  const navLinks = () => [...element.querySelectorAll<HTMLAnchorElement>('mat-nav-list a[mat-list-item]')];

  it('lists the destinations a supervisor may use, with icons', async () => {
    await render(true, 'supervisor');
    const links = navLinks();

    expect(links.map((link) => link.querySelector('[matListItemTitle]')?.textContent)).toEqual([
      'Caseload',
      'My tasks',
      'Co-sign queue',
      'Supervision',
      'Referrals',
      'Reports',
      'Audit trail',
      'Emergency access',
    ]);
    expect(links.map((link) => link.querySelector('mat-icon')?.textContent)).toEqual([
      'groups',
      'task_alt',
      'draw',
      'supervisor_account',
      'forward_to_inbox',
      'bar_chart',
      'policy',
      'emergency',
    ]);
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['/caseload', '/tasks', '/cosign', '/supervision', '/referrals', '/reports', '/audit', '/emergency-access']);
  });

  it.each([
    ['specialist', ['/caseload', '/tasks', '/referrals']],
    ['clinician', ['/referrals']],
    ['admin', ['/reports', '/audit', '/admin', '/emergency-access']],
  ] as const)('shows a %s only their destinations', async (role, hrefs) => {
    await render(true, role);
    expect(navLinks().map((link) => link.getAttribute('href'))).toEqual(hrefs);
  });

  it('names the signed-in person on the account menu button, with their role', async () => {
    await render(true, 'supervisor');
    const trigger = element.querySelector<HTMLButtonElement>('lib-user-menu button');
    expect(trigger?.textContent).toContain('Maria Delgado');
    expect(trigger?.getAttribute('aria-label')).toBe('Maria Delgado, Supervisor: account menu');
    expect(element.querySelector('a[href="/sign-in"]')).toBeNull();
  });

  it('has banner, navigation and main landmarks and a skip link that moves focus to main', async () => {
    await render(true);
    expect(element.querySelector('header mat-toolbar')).not.toBeNull();
    expect(element.querySelector('mat-nav-list')?.getAttribute('aria-label')).toBe('Main');
    const main = element.querySelector<HTMLElement>('main#main-content');
    expect(main).not.toBeNull();

    const skipLink = element.querySelector<HTMLAnchorElement>('a.skip-link');
    expect(skipLink).toBe(element.querySelector('a'));
    skipLink?.click();
    expect(document.activeElement).toBe(main);
  });

  it('keeps the navigation open beside the content on a desktop', async () => {
    await render(true);
    const nav = await sidenav();

    expect(await nav.getMode()).toBe('side');
    expect(await nav.isOpen()).toBe(true);
    expect(menuButton()).toBeNull();
  });

  it('hides the navigation behind a menu button on a phone', async () => {
    await render(false);
    const nav = await sidenav();
    expect(await nav.getMode()).toBe('over');
    expect(await nav.isOpen()).toBe(false);
    expect(menuButton()?.getAttribute('aria-label')).toBe('Main menu');
    expect(menuButton()?.getAttribute('aria-expanded')).toBe('false');

    menuButton()?.click();
    await fixture.whenStable();
    expect(await nav.isOpen()).toBe(true);
    expect(menuButton()?.getAttribute('aria-expanded')).toBe('true');

    element.querySelector<HTMLAnchorElement>('mat-nav-list a[href="/referrals"]')?.click();
    await fixture.whenStable();
    expect(await nav.isOpen()).toBe(false);
    expect(element.querySelector('mat-nav-list a[href="/referrals"]')?.getAttribute('aria-current')).toBe('page');
  });

  it('switches layout when the window crosses the breakpoint', async () => {
    await render(true);
    desktop.next(false);
    await fixture.whenStable();

    const nav = await sidenav();
    expect(await nav.getMode()).toBe('over');
    expect(await nav.isOpen()).toBe(false);
  });

  it('toggles the theme from the top bar with a label saying what it will do', async () => {
    await render(true);
    const theme = TestBed.inject(ThemeService);
    theme.choose('light');
    await fixture.whenStable();
    const toggle = element.querySelector<HTMLButtonElement>('button.theme-toggle');
    expect(toggle?.getAttribute('aria-label')).toBe('Switch to dark theme');

    toggle?.click();
    await fixture.whenStable();
    expect(theme.scheme()).toBe('dark');
    expect(toggle?.getAttribute('aria-label')).toBe('Switch to light theme');
  });
});
