import { BreakpointObserver } from '@angular/cdk/layout';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router } from '@angular/router';
import type { Permission } from '@waypoint/shared-contracts';
import { SessionStore } from '@waypoint/web-auth';
import type { CaseloadRow } from '@waypoint/web-participant-data';
import { of } from 'rxjs';
import { CaseloadPage } from './caseload-page';

function participant(id: string, overrides: Partial<CaseloadRow> = {}): CaseloadRow {
  return { id, legalFirstName: 'Marcus', legalLastName: `Bell ${id}`, preferredName: null, pronouns: 'he/him', status: 'active', version: 1, ...overrides };
}

describe('CaseloadPage', () => {
  let fixture: ComponentFixture<CaseloadPage>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  async function render(phone: boolean, permissions: readonly Permission[] = ['participants:read']) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: SessionStore, useValue: { can: (permission: Permission) => permissions.includes(permission) } },
        { provide: BreakpointObserver, useValue: { observe: () => of({ matches: phone, breakpoints: {} }), isMatched: () => phone } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CaseloadPage);
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  const flush = async (items: CaseloadRow[], nextCursor: string | null = null, url = '/api/v1/participants?limit=25', contactOverdueDays?: number) => {
    backend.expectOne(url).flush({ items, nextCursor, contactOverdueDays });
    await fixture.whenStable();
  };

  const snackBar = () => document.querySelector('.mat-mdc-snack-bar-container');
  const rows = () => [...element.querySelectorAll('tr[mat-row]')];
  const task = { id: 't-1', title: 'Call about housing', dueOn: '2020-11-20', version: 2 };
  const doneTask = { ...task, participantId: '1', participantName: 'Marcus Bell 1', ownerId: 'u-1', ownerName: 'Jordan Avery', overdue: false, doneAt: '2026-11-21T10:00:00Z', version: 3 };


  afterEach(() => {
    backend.verify();
    // The snackbar lives in the overlay, outside the fixture.
    document.querySelectorAll('.cdk-overlay-container').forEach((overlay) => overlay.remove());
  });

  it('shows a spinner, then a table of participants that link to their records', async () => {
    await render(false);
    expect(element.querySelector('mat-progress-spinner')).not.toBeNull();
    await flush([participant('1', { preferredName: 'Marc' }), participant('2', { status: 'referred' })]);
    const links = [...element.querySelectorAll<HTMLAnchorElement>('td a')];
    expect(links.map((link) => link.textContent?.trim())).toEqual(['Marc Bell 1', 'Marcus Bell 2']);
    expect(links[0].getAttribute('href')).toBe('/participants/1');
    expect(element.textContent).toContain('Legal name: Marcus Bell 1');
    expect(element.querySelector('.badge.referred')?.textContent).toBe('Referred');
  });

  it('shows the next follow-up (overdue in words), open goals, the latest BARC-10 and the risk flag', async () => {
    await render(false);
    await flush([
      { ...participant('1'), nextFollowUp: '2020-01-02', openGoals: 2, latestBarc: 48, highRisk: true },
      { ...participant('2'), nextFollowUp: null, openGoals: 0, latestBarc: null },
    ]);
    const [first, second] = [...element.querySelectorAll('tr[mat-row]')].map((row) => row.textContent ?? '');
    expect(first).toContain('Overdue:');
    expect(first).toContain('High risk');
    expect(first).toContain('48');
    expect(second).toContain('None set');
    expect(second).toContain('Not yet');
    expect(second).not.toContain('High risk');
  });

  it('searches after a pause in typing and narrows to the flagged, starting again from page one', async () => {
    await render(false);
    await flush([participant('1')]);
    const input = element.querySelector<HTMLInputElement>('input[type="search"]');
    if (!input) throw new Error('no search field');
    input.value = 'bel';
    input.dispatchEvent(new Event('input'));
    backend.expectNone((r) => r.params.has('search'));
    await new Promise((resolve) => setTimeout(resolve, 350));
    await flush([participant('1')], null, '/api/v1/participants?limit=25&search=bel');
    element.querySelector<HTMLElement>('mat-chip-option .mat-mdc-chip-action')?.click();
    await fixture.whenStable();
    await flush([], null, '/api/v1/participants?limit=25&search=bel&risk=high');
    expect(element.textContent).toContain('Nobody matches');
  });

  it('offers intake only to those who may write participants', async () => {
    await render(false, ['participants:read', 'participants:write']);
    await flush([]);
    expect(element.querySelector('lib-page-header a[href="/participants/new"]')?.textContent).toContain('New participant');

    fixture.destroy();
    TestBed.resetTestingModule();
    await render(false);
    await flush([]);
    expect(element.querySelector('a[href="/participants/new"]')).toBeNull();
  });

  it('uses cards on a phone', async () => {
    await render(true);
    await flush([participant('1')]);
    expect(element.querySelector('table')).toBeNull();
    expect(element.querySelector('li.card a.card-link')?.getAttribute('href')).toBe('/participants/1');
  });

  it('loads the next page with the cursor and appends it', async () => {
    await render(false);
    await flush([participant('1')], 'next-page');
    const more = [...element.querySelectorAll('button')].find((button) => button.textContent?.includes('Load more'));
    more?.click();
    await flush([participant('2')], null, '/api/v1/participants?limit=25&cursor=next-page');
    expect(element.querySelectorAll('td a')).toHaveLength(2);
    expect([...element.querySelectorAll('button')].some((button) => button.textContent?.includes('Load more'))).toBe(false);
  });

  it('explains an empty caseload and offers a retry when loading fails', async () => {
    await render(false);
    await flush([]);
    expect(element.textContent).toContain('No participants yet');

    backend.verify();
    fixture.destroy();
    TestBed.resetTestingModule();
    await render(false);
    backend.expectOne('/api/v1/participants?limit=25').flush(null, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    expect(element.textContent).toContain('Your caseload could not be loaded');
    [...element.querySelectorAll('button')].find((button) => button.textContent?.includes('Try again'))?.click();
    await flush([participant('1')]);
    expect(element.querySelectorAll('td a')).toHaveLength(1);
  });

  it('says how long since the last contact and flags it past the program threshold, in words', async () => {
    await render(false);
    await flush(
      [
        participant('1', { lastContactOn: '2026-11-18', daysSinceContact: 3, contactOverdue: false }),
        participant('2', { lastContactOn: '2026-11-21', daysSinceContact: 0, contactOverdue: false }),
        participant('3', { lastContactOn: null, daysSinceContact: null, contactOverdue: true }),
        participant('4', { lastContactOn: '2026-10-01', daysSinceContact: 51, contactOverdue: true }),
      ],
      null,
      '/api/v1/participants?limit=25',
      21,
    );
    const headers = [...element.querySelectorAll('th')].map((th) => th.textContent?.trim());
    expect(headers).toContain('Last contact');
    const contact = rows().map((row) => row.querySelector('lib-last-contact'));
    expect(contact.map((cell) => cell?.textContent?.trim())).toEqual(['3 days ago', 'Today', expect.stringContaining('No contact yet'), expect.stringContaining('51 days ago')]);
    expect(contact[0]?.querySelector('.overdue, mat-icon')).toBeNull();
    const warning = contact[3]?.querySelector('.overdue mat-icon');
    expect(warning?.getAttribute('role')).toBe('img');
    expect(warning?.getAttribute('aria-label')).toBe('No contact in over 21 days');
    expect(contact[2]?.querySelector('mat-icon')?.getAttribute('aria-label')).toBe('No contact recorded yet');
  });

  it('assumes a 14-day threshold until the API says one, and labels the time on a phone card', async () => {
    await render(true);
    await flush([participant('1', { daysSinceContact: 20, lastContactOn: '2026-11-01', contactOverdue: true }), participant('2', { daysSinceContact: 1, lastContactOn: '2026-11-20' })]);
    const cards = [...element.querySelectorAll('li.card')];
    expect(cards[0].classList).toContain('contact-overdue');
    expect(cards[0].querySelector('lib-last-contact mat-icon')?.getAttribute('aria-label')).toBe('No contact in over 14 days');
    expect(cards[0].textContent).toContain('Last contact 20 days ago');
    expect(cards[1].textContent).toContain('Last contact yesterday');
    expect(cards[1].classList).not.toContain('contact-overdue');
  });

  it('narrows to those without recent contact beside the other filters', async () => {
    await render(false);
    await flush([participant('1')]);
    const chips = [...element.querySelectorAll<HTMLElement>('mat-chip-option')];
    expect(chips.map((chip) => chip.textContent?.trim())).toEqual(['High risk', 'Follow-up overdue', 'No recent contact']);
    chips[2].querySelector<HTMLElement>('.mat-mdc-chip-action')?.click();
    await fixture.whenStable();
    await flush([], null, '/api/v1/participants?limit=25&contact=overdue');
    expect(element.textContent).toContain('Nobody matches');
  });

  it('sorts from a select and starts again from the first page; name order is the default and not sent', async () => {
    await render(false);
    await flush([participant('1')], 'next-page');
    const select = element.querySelector<HTMLElement>('mat-select');
    expect(select?.textContent).toContain('Name');
    select?.click();
    await fixture.whenStable();
    const options = [...document.querySelectorAll<HTMLElement>('mat-option')];
    expect(options.map((option) => option.textContent?.trim())).toEqual(['Name', 'Longest without contact', 'Next follow-up']);
    options[1].click();
    await fixture.whenStable();
    expect(element.querySelector('mat-progress-spinner')).not.toBeNull();
    await flush([participant('2')], null, '/api/v1/participants?limit=25&sort=lastContact');
    expect(rows()).toHaveLength(1);
    // Ordering alone narrows nothing, so an empty answer is an empty caseload, not "nobody matches".
    select?.click();
    await fixture.whenStable();
    [...document.querySelectorAll<HTMLElement>('mat-option')][0].click();
    await fixture.whenStable();
    await flush([], null, '/api/v1/participants?limit=25');
    expect(element.textContent).toContain('No participants yet');
  });

  it('shows the next task and marks it done from the row with its version, refreshing in place with an Undo', async () => {
    await render(false);
    await flush([participant('1', { nextTask: task, nextFollowUp: task.dueOn }), participant('2')]);
    const cell = rows()[0].querySelector('lib-caseload-next-task');
    expect(cell?.textContent).toContain('Call about housing');
    expect(cell?.querySelector('.late')?.textContent).toContain('Overdue: due');
    const button = cell?.querySelector<HTMLButtonElement>('button');
    expect(button?.getAttribute('aria-label')).toBe('Mark done: Call about housing');
    expect(button?.closest('a')).toBeNull();

    button?.click();
    button?.click(); // a second press while saving sends nothing more
    await fixture.whenStable();
    const request = backend.expectOne({ method: 'PATCH', url: '/api/v1/tasks/t-1' });
    expect(request.request.body).toEqual({ done: true, version: 2 });
    expect(button?.getAttribute('aria-disabled')).toBe('true');
    request.flush(doneTask);
    await fixture.whenStable();
    // The rows stay on screen (no spinner) while the same page is read again.
    expect(element.querySelector('mat-progress-spinner')).toBeNull();
    expect(snackBar()?.textContent).toContain('Task done');
    await flush([participant('1', { nextTask: { id: 't-2', title: 'Drop off bus pass', dueOn: '2099-01-05', version: 1 } }), participant('2')]);
    expect(rows()[0].textContent).toContain('Drop off bus pass');
    expect(rows()[0].querySelector('.late')).toBeNull();
    expect(TestBed.inject(Router).url).toBe('/');

    [...(snackBar()?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find((action) => action.textContent?.includes('Undo'))?.click();
    await fixture.whenStable();
    const undo = backend.expectOne({ method: 'PATCH', url: '/api/v1/tasks/t-1' });
    expect(undo.request.body).toEqual({ done: false, version: 3 });
    undo.flush({ ...doneTask, doneAt: null, version: 4 });
    await fixture.whenStable();
    await flush([participant('1', { nextTask: task }), participant('2')]);
    expect(rows()[0].textContent).toContain('Call about housing');
    expect(snackBar()?.textContent).toContain('Task open again');
  });

  it('re-reads as many rows as were loaded, so "Load more" picks up where it was', async () => {
    await render(false);
    const first = Array.from({ length: 25 }, (_, i) => participant(`a${i}`));
    await flush([{ ...first[0], nextTask: task }, ...first.slice(1)], 'page-2');
    [...element.querySelectorAll('button')].find((button) => button.textContent?.includes('Load more'))?.click();
    await flush([participant('b1'), participant('b2')], 'page-3', '/api/v1/participants?limit=25&cursor=page-2');
    rows()[0].querySelector<HTMLButtonElement>('lib-caseload-next-task button')?.click();
    backend.expectOne('/api/v1/tasks/t-1').flush(doneTask);
    await fixture.whenStable();
    await flush([...first, participant('b1'), participant('b2')], 'page-3b', '/api/v1/participants?limit=27');
    expect(rows()).toHaveLength(27);
    [...element.querySelectorAll('button')].find((button) => button.textContent?.includes('Load more'))?.click();
    await flush([], null, '/api/v1/participants?limit=25&cursor=page-3b');
  });

  it('says when someone else changed the task (409) and refreshes', async () => {
    await render(false);
    await flush([participant('1', { nextTask: task })]);
    rows()[0].querySelector<HTMLButtonElement>('lib-caseload-next-task button')?.click();
    backend.expectOne('/api/v1/tasks/t-1').flush({ status: 409 }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(snackBar()?.textContent).toContain('Someone changed this task; refreshed.');
    await flush([participant('1', { nextTask: { ...task, title: 'Call about housing (moved)', version: 5 } })]);
    expect(rows()[0].textContent).toContain('Call about housing (moved)');
  });

  it('completes a task from a phone card without opening the record, and keeps focus on the card', async () => {
    await render(true);
    await flush([participant('1', { nextTask: { ...task, dueOn: '2099-11-20' } })]);
    const card = element.querySelector('li.card');
    expect(card?.querySelector('lib-caseload-next-task')?.textContent).toContain('Due');
    const button = card?.querySelector<HTMLButtonElement>('lib-caseload-next-task button');
    expect(button?.closest('a')).toBeNull();
    button?.focus();
    button?.click();
    backend.expectOne('/api/v1/tasks/t-1').flush(doneTask);
    await fixture.whenStable();
    await flush([participant('1', { nextTask: null })]);
    expect(TestBed.inject(Router).url).toBe('/');
    expect(element.querySelector('lib-caseload-next-task')).toBeNull();
    // The button went with its task; focus goes to the participant rather than the top of the page.
    expect(document.activeElement).toBe(element.querySelector('a.card-link'));
  });
});
