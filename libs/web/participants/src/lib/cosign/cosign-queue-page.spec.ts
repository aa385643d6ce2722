import { BreakpointObserver } from '@angular/cdk/layout';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { PROBLEM_CONTENT_TYPE } from '@waypoint/shared-contracts';
import { SessionStore } from '@waypoint/web-auth';
import type { CosignQueue, CosignQueueItem } from '@waypoint/web-participant-data';
import { of } from 'rxjs';
import { CosignQueuePage } from './cosign-queue-page';
import { testQueue, testQueueItem } from './cosign-test-data';

const QUEUE = '/api/v1/notes/cosign-queue?limit=25';

const marcus = testQueueItem();
const ashley = testQueueItem({
  id: 'n-2',
  participantId: 'p-2',
  participantName: 'Ashley Nguyen',
  startedAt: '2026-11-19T14:00:00Z',
  submittedAt: '2026-11-19T15:00:00Z',
  signedAt: '2026-11-19T15:00:00Z',
  contactType: 'brief_check_in',
  modality: 'phone',
  units: 1,
  version: 2,
});
const terrence = testQueueItem({
  id: 'n-3',
  participantId: 'p-3',
  participantName: 'Terrence Walker',
  authorId: 'u-sam',
  authorName: 'Sam Okafor',
  status: 'submitted',
  signedAt: null,
  signedByName: null,
  signedByCredential: null,
  submittedAt: '2026-11-20T15:00:00Z',
  version: 1,
});

describe('CosignQueuePage', () => {
  let fixture: ComponentFixture<CosignQueuePage>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  async function render(phone = false) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: SessionStore, useValue: { user: () => ({ id: 'maria', timeZone: 'America/Chicago' }) } },
        { provide: BreakpointObserver, useValue: { observe: () => of({ matches: phone, breakpoints: {} }), isMatched: () => phone } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CosignQueuePage);
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    backend.verify();
  });

  const flush = async (queue: CosignQueue, url = QUEUE) => {
    backend.expectOne(url).flush(queue);
    await fixture.whenStable();
  };
  const rows = () => [...element.querySelectorAll<HTMLElement>('tr.note-row')];
  const status = () => element.querySelector('[role="status"]')?.textContent?.trim();
  const chips = () => [...element.querySelectorAll<HTMLElement>('mat-chip-option')];
  const button = (within: ParentNode, text: string) => [...within.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.includes(text));
  const openReview = async (row: HTMLElement) => {
    button(row, 'Review')?.click();
    await fixture.whenStable();
  };
  const flushPlan = async (participantId: string) => {
    backend.expectOne(`/api/v1/participants/${participantId}/plan`).flush({ goals: [] });
    await fixture.whenStable();
  };
  const problem = (status: number, detail: string) => [
    { type: '/problems/conflict', title: 'Conflict', status, detail },
    { status, statusText: 'Refused', headers: { 'content-type': PROBLEM_CONTENT_TYPE } },
  ] as const;

  it('lists the notes oldest first with who, when, contact, units, status and how long each has waited', async () => {
    await render();
    expect(element.querySelector('mat-progress-spinner')).not.toBeNull();
    await flush(testQueue([marcus, ashley, terrence]));
    const [first, , third] = rows();
    expect(rows()).toHaveLength(3);
    const cells = [...first.querySelectorAll('td')].map((cell) => cell.textContent?.trim());
    expect(cells.slice(1, 8)).toEqual(['Marcus Bell', 'Jordan Avery', 'Nov 18, 2026, 9:00 AM CST', expect.stringContaining('Individual'), '3', 'Ready to co-sign', expect.stringMatching(/days$/)]);
    expect(third.textContent).toContain('Awaiting the author’s signature');
    // Only signed notes can be ticked for co-signing together.
    expect(first.querySelector('mat-checkbox')).not.toBeNull();
    expect(third.querySelector('mat-checkbox')).toBeNull();
    expect(button(first, 'Review')?.getAttribute('aria-label')).toBe('Review: the note for Marcus Bell by Jordan Avery');
  });

  it('counts the notes per specialist and narrows the list to one of them', async () => {
    await render();
    await flush(testQueue([marcus, ashley, terrence]));
    expect(chips().map((chip) => chip.textContent?.trim())).toEqual(['Everyone · 3', 'Jordan Avery · 2', 'Sam Okafor · 1']);
    chips()[2].querySelector<HTMLElement>('.mdc-evolution-chip__action')?.click();
    await fixture.whenStable();
    expect(rows().map((row) => row.querySelector('.name')?.textContent)).toEqual(['Terrence Walker']);
    chips()[0].querySelector<HTMLElement>('.mdc-evolution-chip__action')?.click();
    await fixture.whenStable();
    expect(rows()).toHaveLength(3);
  });

  it('opens a note beside the participant’s goals, with a link to the whole note', async () => {
    await render();
    await flush(testQueue([marcus, ashley]));
    await openReview(rows()[0]);
    backend.expectOne('/api/v1/participants/p-1/plan').flush({ goals: [{ id: 'g-2', dimension: 'home', statement: 'Have my own place', status: 'active', steps: [], progress: [] }] });
    await fixture.whenStable();
    const review = element.querySelector('lib-cosign-note-review');
    expect(review?.querySelector('h2')?.textContent).toBe('Marcus Bell · Individual');
    expect(review?.querySelector('lib-note-goals')?.textContent).toContain('Have my own place');
    expect(review?.querySelector('a.open')?.getAttribute('href')).toBe('/participants/p-1/notes/n-1');
    expect(button(rows()[0], 'Hide')?.getAttribute('aria-expanded')).toBe('true');
    expect(element.querySelectorAll('lib-cosign-note-review')).toHaveLength(1);
  });

  it('co-signs the open note with its version, takes it off the queue and opens the next one', async () => {
    await render();
    await flush(testQueue([marcus, ashley, terrence]));
    await openReview(rows()[0]);
    await flushPlan('p-1');
    button(element.querySelector('lib-cosign-note-review') as HTMLElement, 'Co-sign')?.click();
    const request = backend.expectOne({ method: 'POST', url: '/api/v1/notes/n-1/cosign' });
    expect(request.request.body).toEqual({ version: 4 });
    request.flush({ ...marcus, status: 'cosigned', version: 5 });
    await fixture.whenStable();
    expect(rows().map((row) => row.querySelector('.name')?.textContent)).toEqual(['Ashley Nguyen', 'Terrence Walker']);
    expect(status()).toBe('Co-signed the note for Marcus Bell by Jordan Avery.');
    expect(chips().map((chip) => chip.textContent?.trim())).toEqual(['Everyone · 2', 'Jordan Avery · 1', 'Sam Okafor · 1']);
    await flushPlan('p-2');
    expect(element.querySelector('lib-cosign-note-review h2')?.textContent).toBe('Ashley Nguyen · Brief check-in');
    expect(document.activeElement).toBe(element.querySelector('lib-cosign-note-review h2'));
  });

  it('says why a co-signature was refused and refreshes the queue when the note moved (409)', async () => {
    await render();
    await flush(testQueue([marcus]));
    await openReview(rows()[0]);
    await flushPlan('p-1');
    button(element.querySelector('lib-cosign-note-review') as HTMLElement, 'Co-sign')?.click();
    backend.expectOne('/api/v1/notes/n-1/cosign').flush(...problem(409, 'The session note was changed by someone else.'));
    await fixture.whenStable();
    expect(status()).toBe('The session note was changed by someone else. The queue has been refreshed.');
    await flush(testQueue([{ ...marcus, version: 5 }]));
    // Still open, now as it is.
    await flushPlan('p-1');
    expect(rows()).toHaveLength(1);
    expect(element.querySelector('lib-cosign-note-review')).not.toBeNull();
  });

  it('returns a submitted note with a comment through a dialog', async () => {
    await render();
    await flush(testQueue([terrence]));
    await openReview(rows()[0]);
    await flushPlan('p-3');
    const review = element.querySelector('lib-cosign-note-review') as HTMLElement;
    expect(button(review, 'Co-sign')).toBeUndefined();
    button(review, 'Return with comment')?.click();
    await fixture.whenStable();
    const textarea = document.querySelector<HTMLTextAreaElement>('lib-return-note-dialog textarea');
    if (!textarea) throw new Error('the dialog did not open');
    textarea.value = 'Add what you agreed for next week.';
    textarea.dispatchEvent(new Event('input'));
    document.querySelector<HTMLButtonElement>('lib-return-note-dialog button[type="submit"]')?.click();
    const request = backend.expectOne({ method: 'POST', url: '/api/v1/notes/n-3/return' });
    expect(request.request.body).toEqual({ version: 1, comment: 'Add what you agreed for next week.' });
    request.flush({ ...terrence, status: 'draft', version: 2 });
    await fixture.whenStable();
    expect(status()).toBe('Returned the note for Terrence Walker to Sam Okafor with your comment.');
    expect(element.textContent).toContain('Nothing awaiting your co-signature');
  });

  it('co-signs the ticked notes together and names each one that did not go through', async () => {
    await render();
    await flush(testQueue([marcus, ashley, terrence]));
    const cosignSelected = () => element.querySelector<HTMLButtonElement>('button.cosign-selected');
    expect(cosignSelected()?.disabled).toBe(true);
    element.querySelector<HTMLInputElement>('th mat-checkbox input')?.click();
    await fixture.whenStable();
    expect(cosignSelected()?.textContent).toContain('Co-sign selected (2)');
    cosignSelected()?.click();
    const request = backend.expectOne({ method: 'POST', url: '/api/v1/notes/cosign' });
    expect(request.request.body).toEqual({ notes: [{ id: 'n-1', version: 4 }, { id: 'n-2', version: 2 }] });
    request.flush({ cosigned: [{ ...marcus, status: 'cosigned' }], failed: [{ id: 'n-2', status: 409, detail: 'The session note was changed by someone else.' }] });
    await fixture.whenStable();
    expect(status()).toBe('Co-signed 1 note.');
    const failures = element.querySelector('[role="alert"]');
    expect(failures?.textContent).toContain('1 note was not co-signed');
    expect(failures?.textContent).toContain('Ashley Nguyen, by Jordan Avery: The session note was changed by someone else.');
    // The queue is read again, so what failed shows as it now is.
    await flush(testQueue([{ ...ashley, version: 3 }, terrence]));
    expect(rows()).toHaveLength(2);
    expect(cosignSelected()?.textContent).toContain('Co-sign selected (0)');
    expect(element.querySelector('[role="alert"]')).not.toBeNull();
  });

  it('says when nothing is waiting', async () => {
    await render();
    await flush(testQueue([]));
    expect(element.textContent).toContain('Nothing awaiting your co-signature');
    expect(element.querySelector('table')).toBeNull();
  });

  it('loads the next page from the cursor', async () => {
    await render();
    await flush(testQueue([marcus], 'c-1'));
    button(element, 'Load more')?.click();
    await flush(testQueue([ashley]), `${QUEUE}&cursor=c-1`);
    expect(rows()).toHaveLength(2);
    expect(button(element, 'Load more')).toBeUndefined();
  });

  it('offers a retry when the queue cannot be loaded', async () => {
    await render();
    backend.expectOne(QUEUE).flush(null, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    expect(element.textContent).toContain('The co-sign queue could not be loaded');
    button(element, 'Try again')?.click();
    await flush(testQueue([marcus]));
    expect(rows()).toHaveLength(1);
  });

  it('shows cards on a phone, each opening its note in place', async () => {
    await render(true);
    await flush(testQueue([marcus, terrence] as CosignQueueItem[]));
    expect(element.querySelector('table')).toBeNull();
    const cards = [...element.querySelectorAll<HTMLElement>('li.card')];
    expect(cards).toHaveLength(2);
    expect(cards[0].textContent).toContain('Marcus Bell');
    expect(cards[0].textContent).toContain('3 units');
    expect(cards[0].querySelector('mat-checkbox')).not.toBeNull();
    expect(cards[1].querySelector('mat-checkbox')).toBeNull();
    button(cards[1], 'Review')?.click();
    await fixture.whenStable();
    await flushPlan('p-3');
    expect(cards[1].querySelector('lib-cosign-note-review')?.textContent).toContain('Return with comment');
  });
});
