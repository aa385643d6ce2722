import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { SessionStore } from '@waypoint/web-auth';
import { NotificationsApi } from '@waypoint/web-participant-data';
import { fakeSessionStore, sessionUser } from '../testing/fake-session-store';
import { NOTIFICATIONS_REFRESH_MS, NotificationsBell } from './notifications-bell';

@Component({ template: '' })
class Blank {}

describe('NotificationsBell', () => {
  let fixture: ComponentFixture<NotificationsBell>;
  let backend: HttpTestingController;
  let element: HTMLElement;
  let now: number;

  async function render(permissions = sessionUser('supervisor').permissions) {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(['caseload', 'tasks', 'notifications'].map((path) => ({ path, component: Blank }))),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: SessionStore, useValue: fakeSessionStore(sessionUser('supervisor', { permissions })) },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NotificationsBell);
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  const go = async (url: string) => {
    await TestBed.inject(Router).navigateByUrl(url);
    await fixture.whenStable();
  };
  const answer = async (unread: number) => {
    backend.expectOne('/api/v1/notifications/unread-count').flush({ unread });
    await fixture.whenStable();
  };
  const bell = () => element.querySelector<HTMLAnchorElement>('a.bell');
  const badge = () => element.querySelector('.mat-badge-content');

  beforeEach(() => {
    now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
  });

  afterEach(() => {
    backend.verify();
    jest.restoreAllMocks();
  });

  it('links to the notifications page and shows the unread count after a navigation, in its label too', async () => {
    await render();
    expect(bell()?.getAttribute('href')).toBe('/notifications');
    expect(bell()?.getAttribute('aria-label')).toBe('Notifications');
    backend.expectNone('/api/v1/notifications/unread-count');
    backend.expectNone('/api/v1/notifications');

    await go('/caseload');
    await answer(3);
    expect(bell()?.getAttribute('aria-label')).toBe('Notifications, 3 unread');
    expect(badge()?.textContent?.trim()).toBe('3');
    expect(element.querySelector('.mat-badge-hidden')).toBeNull();
  });

  it('asks at most once a minute, however much the person moves around', async () => {
    await render();
    await go('/caseload');
    await answer(1);
    now += NOTIFICATIONS_REFRESH_MS - 1;
    await go('/tasks');
    backend.expectNone('/api/v1/notifications/unread-count');
    backend.expectNone('/api/v1/notifications');
    now += 1;
    await go('/caseload');
    await answer(0);
    expect(bell()?.getAttribute('aria-label')).toBe('Notifications');
    expect(element.querySelector('.mat-badge-hidden')).not.toBeNull();
  });

  it('leaves the asking to the notifications page when that is where the person goes', async () => {
    await render();
    await go('/notifications');
    backend.expectNone('/api/v1/notifications/unread-count');
    backend.expectNone('/api/v1/notifications');
  });

  it('counts down as notifications are read elsewhere, and caps the badge', async () => {
    await render();
    await go('/caseload');
    await answer(120);
    expect(badge()?.textContent?.trim()).toBe('99+');
    expect(bell()?.getAttribute('aria-label')).toBe('Notifications, 120 unread');

    TestBed.inject(NotificationsApi).markRead('n-1').subscribe();
    backend.expectOne('/api/v1/notifications/n-1/read').flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(bell()?.getAttribute('aria-label')).toBe('Notifications, 119 unread');
  });

  it('stays quiet when the count cannot be had', async () => {
    await render();
    await go('/caseload');
    backend.expectOne('/api/v1/notifications/unread-count').flush(null, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    expect(bell()?.getAttribute('aria-label')).toBe('Notifications');
  });

  it('is not shown to someone who cannot receive notifications, and asks nothing', async () => {
    await render([]);
    await go('/caseload');
    expect(bell()).toBeNull();
    backend.expectNone('/api/v1/notifications/unread-count');
    backend.expectNone('/api/v1/notifications');
  });
});
