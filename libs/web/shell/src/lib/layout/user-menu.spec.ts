import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { SessionExit, SessionStore } from '@waypoint/web-auth';
import { fakeSessionStore, sessionUser } from '../testing/fake-session-store';
import { UserMenu } from './user-menu';

describe('UserMenu', () => {
  let fixture: ComponentFixture<UserMenu>;
  let element: HTMLElement;
  let exit: { signOut: jest.Mock };

  async function render(compact: boolean): Promise<void> {
    exit = { signOut: jest.fn().mockResolvedValue(true) };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: SessionStore, useValue: fakeSessionStore(sessionUser('specialist', { displayName: 'Jordan Avery' })) },
        { provide: SessionExit, useValue: exit },
      ],
    });
    fixture = TestBed.createComponent(UserMenu);
    fixture.componentRef.setInput('compact', compact);
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  async function open(): Promise<HTMLElement[]> {
    element.querySelector<HTMLButtonElement>('button')?.click();
    await fixture.whenStable();
    return [...document.querySelectorAll<HTMLElement>('[mat-menu-item]')];
  }

  it('shows the name on a desktop and only an icon on a phone, both named for screen readers', async () => {
    await render(false);
    const trigger = element.querySelector('button');
    expect(trigger?.textContent).toContain('Jordan Avery');
    expect(trigger?.getAttribute('aria-label')).toBe('Jordan Avery, Peer recovery specialist: account menu');
  });

  it('offers the account pages and sign out', async () => {
    await render(true);
    expect(element.querySelector('button')?.textContent?.trim()).toBe('account_circle');
    const items = await open();
    expect(items.map((item) => item.querySelector('.mat-mdc-menu-item-text')?.textContent?.trim())).toEqual([
      'Your sessions',
      'Change password',
      'Sign out',
    ]);
    expect(items[0].getAttribute('href')).toBe('/account/sessions');
    expect(items[1].getAttribute('href')).toBe('/account/password');
    expect(document.querySelector('.who')?.textContent).toContain('Peer recovery specialist');
  });

  it('signs out on the server through SessionExit', async () => {
    await render(false);
    const items = await open();
    items[2].click();
    await fixture.whenStable();
    expect(exit.signOut).toHaveBeenCalledTimes(1);
  });
});
