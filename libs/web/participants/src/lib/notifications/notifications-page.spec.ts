import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router } from '@angular/router';
import { SessionStore } from '@waypoint/web-auth';
import { type InAppNotification, NotificationsApi } from '@waypoint/web-participant-data';
import { NotificationsPage } from './notifications-page';

@Component({ template: '' })
class Blank {}

const notification = (overrides: Partial<InAppNotification> = {}): InAppNotification => ({
  id: 'n-1',
  kind: 'high_risk_flagged',
  createdAt: '2026-11-20T15:04:00Z',
  readAt: null,
  actorName: 'Jordan Avery',
  participantId: 'p-1',
  participantName: 'Ashley Nguyen',
  ...overrides,
});

describe('NotificationsPage', () => {
  let fixture: ComponentFixture<NotificationsPage>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'participants/:id', component: Blank },
          { path: 'participants/:id/notes/:noteId', component: Blank },
        ]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: SessionStore, useValue: { user: () => ({ timeZone: 'America/Chicago' }) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NotificationsPage);
    element = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  const respond = async (items: InAppNotification[], unread = items.filter((item) => !item.readAt).length) => {
    backend.expectOne('/api/v1/notifications').flush({ items, unread });
    await fixture.whenStable();
  };
  const items = () => [...element.querySelectorAll<HTMLElement>('li.notification')];
  const markReadButton = (item: HTMLElement) => item.querySelector<HTMLButtonElement>('button.mark-read');

  it('lists the notifications in the order sent, unread ones marked in words, each linking to the participant', async () => {
    expect(element.querySelector('mat-progress-spinner')).not.toBeNull();
    await respond([
      notification(),
      notification({ id: 'n-2', actorName: null, participantName: 'Marcus Bell', participantId: 'p-2', readAt: '2026-11-19T10:00:00Z', createdAt: '2026-11-19T09:00:00Z' }),
      notification({ id: 'n-3', participantId: null, participantName: null, readAt: '2026-11-18T10:00:00Z', createdAt: '2026-11-18T09:00:00Z' }),
    ]);
    const [first, second, third] = items();
    expect(first.classList).toContain('unread');
    expect(first.querySelector('.new')?.textContent).toBe('New');
    expect(first.querySelector('a')?.textContent).toBe('Jordan Avery flagged Ashley Nguyen as high risk');
    expect(first.querySelector('a')?.getAttribute('href')).toBe('/participants/p-1');
    expect(first.querySelector('.when')?.textContent).toContain('2026');
    expect(second.classList).not.toContain('unread');
    expect(second.querySelector('.new, button')).toBeNull();
    expect(second.querySelector('a')?.textContent).toBe('Marcus Bell was flagged high risk');
    // Out of the reader's care team now: no name and no link.
    expect(third.querySelector('a')).toBeNull();
    expect(third.textContent).toContain('A participant no longer in your care team was flagged high risk');
  });

  it('tells an author their note was returned, linking to the note itself, never to a note out of scope', async () => {
    await respond([
      notification({ kind: 'note_returned', actorName: 'Dana Supervisor', noteId: 'note-9' }),
      notification({ id: 'n-2', kind: 'note_returned', participantId: null, participantName: null, noteId: null }),
    ]);
    const [returned, outOfScope] = items();
    expect(returned.querySelector('a')?.textContent).toBe('Dana Supervisor returned your note about Ashley Nguyen for changes');
    expect(returned.querySelector('a')?.getAttribute('href')).toBe('/participants/p-1/notes/note-9');
    expect(returned.querySelector('mat-icon')?.textContent).toBe('assignment_return');
    expect(outOfScope.querySelector('a')).toBeNull();
    expect(outOfScope.textContent).toContain('A note of yours about a participant no longer in your care team was returned');
    returned.querySelector('a')?.click();
    await fixture.whenStable();
    backend.expectOne({ method: 'POST', url: '/api/v1/notifications/n-1/read' }).flush(null, { status: 204, statusText: 'No Content' });
    expect(TestBed.inject(Router).url).toBe('/participants/p-1/notes/note-9');
  });

  it('marks a notification read when it is opened', async () => {
    await respond([notification()]);
    items()[0].querySelector('a')?.click();
    await fixture.whenStable();
    backend.expectOne({ method: 'POST', url: '/api/v1/notifications/n-1/read' }).flush(null, { status: 204, statusText: 'No Content' });
    expect(TestBed.inject(Router).url).toBe('/participants/p-1');
    expect(TestBed.inject(NotificationsApi).unread()).toBe(0);
  });

  it('does not mark an already read notification again', async () => {
    await respond([notification({ readAt: '2026-11-20T16:00:00Z' })]);
    items()[0].querySelector('a')?.click();
    await fixture.whenStable();
    backend.expectNone('/api/v1/notifications/n-1/read');
  });

  it('marks read in place with a labelled button, keeping focus on that notification', async () => {
    await respond([notification(), notification({ id: 'n-2', participantName: 'Marcus Bell', participantId: 'p-2' })]);
    const button = markReadButton(items()[0]);
    expect(button?.getAttribute('aria-label')).toBe('Mark read: Jordan Avery flagged Ashley Nguyen as high risk');
    button?.focus();
    button?.click();
    button?.click(); // pressed twice while waiting: one request
    await fixture.whenStable();
    backend.expectOne('/api/v1/notifications/n-1/read').flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(items()[0].classList).not.toContain('unread');
    expect(markReadButton(items()[0])).toBeNull();
    expect(markReadButton(items()[1])).not.toBeNull();
    expect(document.activeElement).toBe(items()[0].querySelector('a'));
    expect(TestBed.inject(Router).url).toBe('/');
  });

  it('keeps a notification unread when marking it fails', async () => {
    await respond([notification()]);
    markReadButton(items()[0])?.click();
    backend.expectOne('/api/v1/notifications/n-1/read').flush(null, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    expect(items()[0].classList).toContain('unread');
    expect(markReadButton(items()[0])?.getAttribute('aria-disabled')).not.toBe('true');
  });

  it('says when there are none', async () => {
    await respond([]);
    expect(element.textContent).toContain('No notifications');
    expect(element.querySelector('ul')).toBeNull();
  });

  it('says that the list stops at the latest 50', async () => {
    await respond(Array.from({ length: 50 }, (_, i) => notification({ id: `n-${i}`, readAt: '2026-11-20T16:00:00Z' })));
    expect(items()).toHaveLength(50);
    expect(element.textContent).toContain('Showing the 50 most recent.');
  });

  it('offers a retry when loading fails', async () => {
    backend.expectOne('/api/v1/notifications').flush(null, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    expect(element.textContent).toContain('Your notifications could not be loaded');
    [...element.querySelectorAll('button')].find((button) => button.textContent?.includes('Try again'))?.click();
    await respond([notification()]);
    expect(items()).toHaveLength(1);
  });
});
