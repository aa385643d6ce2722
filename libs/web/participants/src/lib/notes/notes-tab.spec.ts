import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { type Permission, ROLE_PERMISSIONS } from '@waypoint/shared-contracts';
import { SessionStore } from '@waypoint/web-auth';
import type { SessionNote } from '@waypoint/web-participant-data';
import { sessionNote } from './note-fixtures';
import { NotesTab } from './notes-tab';

const URL = '/api/v1/participants/p-1/notes';

describe('NotesTab', () => {
  let fixture: ComponentFixture<NotesTab>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  async function render(permissions: readonly Permission[] = ROLE_PERMISSIONS.specialist) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: SessionStore, useValue: { can: (permission: Permission) => permissions.includes(permission), user: signal({ id: 'u-1', timeZone: 'America/Chicago' }) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NotesTab);
    fixture.componentRef.setInput('id', 'p-1');
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  const respond = async (items: SessionNote[], status: string | null = null, nextCursor: string | null = null) => {
    const request = backend.expectOne((r) => r.url === URL);
    expect(request.request.params.get('status')).toBe(status);
    request.flush({ items, nextCursor });
    await fixture.whenStable();
  };
  const rows = () => [...element.querySelectorAll<HTMLElement>('li.note')];
  const chip = (label: string) => [...element.querySelectorAll<HTMLElement>('mat-chip-option')].find((option) => option.textContent?.trim() === label);

  it('lists the notes newest first with when, contact, duration, units and a status badge', async () => {
    await render();
    expect(element.querySelector('mat-progress-spinner')).not.toBeNull();
    await respond([
      sessionNote({ id: 'n-3', startedAt: '2026-11-21T20:00:00Z', status: 'signed', units: 2 }),
      sessionNote({ id: 'n-2', startedAt: '2026-11-20T15:00:00Z', contactType: 'group', modality: 'video', durationMinutes: 60, units: 4, modifiers: ['HQ'], status: 'cosigned' }),
      sessionNote({ id: 'n-1', startedAt: '2026-11-19T15:00:00Z', contactType: 'attempted', modality: 'phone', durationMinutes: 5, units: 0, authorId: 'u-2', authorName: 'Sam Okafor' }),
    ]);
    const [first, second, third] = rows();
    expect(first.querySelector('.when')?.textContent).toBe('Nov 21, 2026, 2:00 PM CST'); // the program's zone, named: this test's viewer is in UTC
    expect(first.querySelector('lib-note-status-badge')?.textContent?.trim()).toBe('Signed');
    expect(first.querySelector('.meta')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Individual · In person · 30 min · 2 units (H0038)');
    expect(second.querySelector('.meta')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Group · Video · 60 min · 4 units (H0038 HQ)');
    expect(second.querySelector('lib-note-status-badge')?.textContent?.trim()).toBe('Co-signed');
    expect(third.querySelector('lib-note-status-badge')?.textContent?.trim()).toBe('Draft');
    expect(third.textContent).toContain('By Sam Okafor');
    expect(first.textContent).not.toContain('By ');
    expect(first.querySelector('a')?.getAttribute('href')).toBe('/participants/p-1/notes/n-3');
  });

  it('says beside a capped note\'s units that the daily cap cut them, and how much the day had already billed', async () => {
    await render();
    await respond([
      sessionNote({ id: 'n-2', durationMinutes: 240, units: 3, unitsBeforeCap: 16, cappedByDailyLimit: true, dailyCapUnits: 16 }),
      sessionNote({ id: 'n-1', durationMinutes: 195, units: 13, unitsBeforeCap: 13, cappedByDailyLimit: false, dailyCapUnits: 16 }),
    ]);
    const [capped, whole] = rows().map((row) => row.querySelector('.meta')?.textContent?.replace(/\s+/g, ' ').trim());
    expect(capped).toBe('Individual · In person · 240 min · 3 units (H0038) (daily cap of 16 units reached: 13 already billed that day)');
    expect(whole).toBe('Individual · In person · 195 min · 13 units (H0038)');
  });

  it('shows a returned note with the supervisor’s comment', async () => {
    await render();
    await respond([sessionNote({ returnComment: 'Add what the participant said about the lease.', returnedByName: 'Maria Delgado', returnedAt: '2026-11-21T10:00:00Z' })]);
    const [row] = rows();
    expect(row.classList).toContain('returned');
    expect(row.querySelector('lib-note-status-badge')?.textContent?.trim()).toBe('Returned');
    expect(row.querySelector('.comment')?.textContent).toContain('Returned by Maria Delgado: Add what the participant said about the lease.');
  });

  it('narrows to one status with the chips, back to all when chosen again, and pages with the cursor', async () => {
    await render();
    await respond([sessionNote({})], null, 'c-2');
    [...element.querySelectorAll('button')].find((button) => button.textContent?.includes('Load more'))?.click();
    await fixture.whenStable();
    backend.expectOne((r) => r.url === URL && r.params.get('cursor') === 'c-2').flush({ items: [sessionNote({ id: 'n-9' })], nextCursor: null });
    await fixture.whenStable();
    expect(rows()).toHaveLength(2);
    expect(element.textContent).not.toContain('Load more');

    chip('Signed')?.querySelector<HTMLElement>('.mat-mdc-chip-action')?.click();
    await fixture.whenStable();
    await respond([], 'signed');
    expect(element.textContent).toContain('No notes with this status');
    chip('Signed')?.querySelector<HTMLElement>('.mat-mdc-chip-action')?.click();
    await fixture.whenStable();
    await respond([sessionNote({})]);
    expect(rows()).toHaveLength(1);
  });

  it('invites the first note, and offers “New note” only to those who may write', async () => {
    await render();
    await respond([]);
    expect(element.textContent).toContain('No session notes yet');
    const links = [...element.querySelectorAll('a')].map((link) => [link.textContent?.trim(), link.getAttribute('href')]);
    expect(links).toContainEqual(['addNew note', '/participants/p-1/notes/new']);
    expect(links).toContainEqual(['Write the first note', '/participants/p-1/notes/new']);
  });

  it('hides writing from someone who may only read', async () => {
    await render(['participants:read']);
    await respond([]);
    expect(element.querySelector('a[href$="/notes/new"]')).toBeNull();
  });

  it('explains a failure and tries again', async () => {
    await render();
    backend.expectOne((r) => r.url === URL).flush(null, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    expect(element.textContent).toContain('The notes could not be loaded');
    [...element.querySelectorAll('button')].find((button) => button.textContent?.includes('Try again'))?.click();
    await fixture.whenStable();
    await respond([sessionNote({})]);
    expect(rows()).toHaveLength(1);
  });
});
