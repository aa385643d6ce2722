import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import type { TimelineEntry } from '@waypoint/web-participant-data';
import { TimelineTab } from './timeline-tab';

const base = { sourceId: '1', recordedAt: '2026-11-12T15:00:00Z', byName: 'Jordan Avery' };
const entries = [
  { ...base, id: 'goal-progress:1', on: '2026-11-12', kind: 'goal-progress', goalId: 'g-1', dimension: 'home', statement: 'Find stable housing', rating: 7, comment: null },
  { ...base, id: 'assessment:2', on: '2026-11-12', kind: 'assessment', total: 42, byName: null },
  { ...base, id: 'safety-event:3', on: '2026-11-03', kind: 'safety-event', safetyKind: 'overdose', description: 'Found unresponsive', followUp: 'Naloxone given' },
] as TimelineEntry[];

describe('TimelineTab', () => {
  let fixture: ComponentFixture<TimelineTab>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TimelineTab);
    fixture.componentRef.setInput('id', 'p-1');
    element = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  const page = (): TestRequest => backend.expectOne((r) => r.url === '/api/v1/participants/p-1/timeline');
  const respond = async (request: TestRequest, items: TimelineEntry[], nextCursor: string | null = null) => {
    request.flush({ items, nextCursor });
    await fixture.whenStable();
  };
  const button = (label: string) => [...element.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === label);
  const chip = (label: string) => [...element.querySelectorAll<HTMLElement>('mat-chip-option')].find((option) => option.textContent?.trim() === label);

  it('shows a spinner, then a heading per day with each entry in words and who recorded it', async () => {
    expect(element.querySelector('mat-progress-spinner')).not.toBeNull();
    const first = page();
    expect(first.request.params.get('limit')).toBe('25');
    expect(first.request.params.has('kinds')).toBe(false);
    await respond(first, entries);

    const days = [...element.querySelectorAll('.day')];
    expect(days.map((day) => day.querySelector('h3')?.textContent)).toEqual(['November 12, 2026', 'November 3, 2026']);
    const lines = (day: Element) => [...day.querySelectorAll('li')].map((item) => [...item.querySelectorAll('.text > span')].map((part) => part.textContent?.trim()));
    expect(lines(days[0])).toEqual([['Goal progress 7/10 — ‘Find stable housing’', 'Recorded by Jordan Avery'], ['BARC-10: 42']]);
    expect(lines(days[1])).toEqual([['Overdose — Found unresponsive', 'Follow-up: Naloxone given', 'Recorded by Jordan Avery']]);
    expect(days[1].querySelector('li')?.classList).toContain('alarming');
    expect(button('Load more')).toBeUndefined();
  });

  it('loads the next page with the cursor and keeps the days in order', async () => {
    await respond(page(), entries.slice(0, 1), 'c-2');
    button('Load more')?.click();
    await fixture.whenStable();
    const next = page();
    expect(next.request.params.get('cursor')).toBe('c-2');
    await respond(next, entries.slice(1));
    expect(element.querySelectorAll('.day')).toHaveLength(2);
    expect(element.querySelectorAll('li')).toHaveLength(3);
    expect(button('Load more')).toBeUndefined();
  });

  it('narrows the feed to the kinds chosen, from the first page again', async () => {
    await respond(page(), entries);
    expect([...element.querySelectorAll('mat-chip-option')].map((option) => option.textContent?.trim())).toEqual([
      'Notes',
      'Status changes',
      'Goals',
      'Assessments',
      'Safety events',
      'Tasks',
    ]);
    expect(element.querySelector('mat-chip-listbox')?.getAttribute('aria-label')).toBe('Show only');
    chip('Goals')?.querySelector<HTMLElement>('.mat-mdc-chip-action')?.click();
    await fixture.whenStable();
    const goals = page();
    expect(goals.request.params.get('kinds')).toBe('goal-created,goal-status,goal-progress');
    expect(goals.request.params.has('cursor')).toBe(false);
    await respond(goals, []);
    expect(element.textContent).toContain('Nothing of these kinds yet');

    button('Show everything')?.click();
    await fixture.whenStable();
    const all = page();
    expect(all.request.params.has('kinds')).toBe(false);
    await respond(all, entries);
    expect(element.querySelectorAll('li')).toHaveLength(3);
  });

  it('says when nothing has been recorded yet', async () => {
    await respond(page(), []);
    expect(element.textContent).toContain('Nothing on the timeline yet');
  });

  it('explains a failure and tries again', async () => {
    page().flush(null, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    expect(element.textContent).toContain('The timeline could not be loaded');
    button('Try again')?.click();
    await fixture.whenStable();
    await respond(page(), entries);
    expect(element.querySelectorAll('li')).toHaveLength(3);
  });

  it('follows a new participant', async () => {
    await respond(page(), entries);
    fixture.componentRef.setInput('id', 'p-2');
    await fixture.whenStable();
    backend.expectOne((r) => r.url === '/api/v1/participants/p-2/timeline').flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    expect(element.textContent).toContain('Nothing on the timeline yet');
  });
});
