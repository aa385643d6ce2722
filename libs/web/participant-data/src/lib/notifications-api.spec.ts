import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SHOW_PROBLEM_SNACKBAR } from '@waypoint/web-core';
import { NotificationsApi } from './notifications-api';
import type { InAppNotification } from './notifications.models';

const flagged: InAppNotification = {
  id: 'n-1',
  kind: 'high_risk_flagged',
  createdAt: '2026-11-20T15:04:00Z',
  readAt: null,
  actorName: 'Jordan Avery',
  participantId: 'p-1',
  participantName: 'Ashley Nguyen',
};

describe('NotificationsApi', () => {
  let api: NotificationsApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(NotificationsApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('lists the notifications and remembers how many are unread', () => {
    let items: InAppNotification[] = [];
    expect(api.unread()).toBeNull();
    api.list().subscribe((list) => (items = list.items));
    const request = backend.expectOne({ method: 'GET', url: '/api/v1/notifications' });
    expect(request.request.context.get(SHOW_PROBLEM_SNACKBAR)).toBe(true);
    request.flush({ items: [flagged, { ...flagged, id: 'n-2', readAt: '2026-11-20T16:00:00Z' }], unread: 1 });
    expect(items.map((item) => item.id)).toEqual(['n-1', 'n-2']);
    expect(api.unread()).toBe(1);
  });

  it('refreshes the badge from the unaudited count, quietly', () => {
    api.refreshUnread().subscribe();
    const request = backend.expectOne('/api/v1/notifications/unread-count');
    expect(request.request.context.get(SHOW_PROBLEM_SNACKBAR)).toBe(false);
    request.flush({ unread: 4 });
    expect(api.unread()).toBe(4);
    api.refreshUnread().subscribe({ error: () => undefined });
    backend.expectOne('/api/v1/notifications/unread-count').flush(null, { status: 503, statusText: 'Unavailable' });
    expect(api.unread()).toBe(4);
  });

  it('marks one read and counts it off once the server agrees', () => {
    api.list().subscribe();
    backend.expectOne('/api/v1/notifications').flush({ items: [flagged], unread: 1 });

    api.markRead('n 1').subscribe();
    const request = backend.expectOne({ method: 'POST', url: '/api/v1/notifications/n%201/read' });
    expect(api.unread()).toBe(1);
    request.flush(null, { status: 204, statusText: 'No Content' });
    expect(api.unread()).toBe(0);

    api.markRead('n-1').subscribe();
    backend.expectOne('/api/v1/notifications/n-1/read').flush(null, { status: 204, statusText: 'No Content' });
    expect(api.unread()).toBe(0);
  });

  it('leaves the count alone when marking read fails', () => {
    api.list().subscribe();
    backend.expectOne('/api/v1/notifications').flush({ items: [flagged], unread: 1 });
    api.markRead('n-1').subscribe({ error: () => undefined });
    backend.expectOne('/api/v1/notifications/n-1/read').flush(null, { status: 404, statusText: 'Not Found' });
    expect(api.unread()).toBe(1);
  });
});
