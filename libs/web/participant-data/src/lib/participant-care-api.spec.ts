import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SHOW_PROBLEM_SNACKBAR } from '@waypoint/web-core';
import { ParticipantCareApi } from './participant-care-api';
import type { TimelinePage } from './timeline.models';

describe('ParticipantCareApi', () => {
  let api: ParticipantCareApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(ParticipantCareApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  describe('safety', () => {
    it('lists a participant’s safety events quietly (the card explains a failure itself)', () => {
      let kinds: string[] = [];
      api.safetyEvents('p/1').subscribe((list) => (kinds = list.items.map((event) => event.kind)));
      const request = backend.expectOne('/api/v1/participants/p%2F1/safety-events');
      expect(request.request.method).toBe('GET');
      expect(request.request.context.get(SHOW_PROBLEM_SNACKBAR)).toBe(false);
      request.flush({ items: [{ id: 'e-1', kind: 'crisis', occurredOn: '2026-11-02', description: 'Called in distress', followUp: null, recordedByName: 'Jordan Avery', createdAt: '2026-11-02T18:00:00Z' }] });
      expect(kinds).toEqual(['crisis']);
    });

    it('records an event and hands back whether it raised the flag', () => {
      let raised: boolean | undefined;
      api.recordSafetyEvent('p-1', { kind: 'overdose', occurredOn: '2026-11-12', description: 'Found unresponsive', followUp: 'Naloxone given' }).subscribe((answer) => (raised = answer.flagRaised));
      const request = backend.expectOne({ method: 'POST', url: '/api/v1/participants/p-1/safety-events' });
      expect(request.request.body).toEqual({ kind: 'overdose', occurredOn: '2026-11-12', description: 'Found unresponsive', followUp: 'Naloxone given' });
      expect(request.request.context.get(SHOW_PROBLEM_SNACKBAR)).toBe(false);
      request.flush({ id: 'e-2', flagRaised: true, participant: { id: 'p-1', highRisk: true, version: 4 } });
      expect(raised).toBe(true);
    });

    it('raises the flag with the reason and the version read', () => {
      api.setRiskFlag('p-1', { highRisk: true, reason: 'Lost housing, using alone', version: 3 }).subscribe();
      const request = backend.expectOne({ method: 'POST', url: '/api/v1/participants/p-1/risk-flag' });
      expect(request.request.body).toEqual({ highRisk: true, reason: 'Lost housing, using alone', version: 3 });
      expect(request.request.context.get(SHOW_PROBLEM_SNACKBAR)).toBe(false);
      request.flush({ id: 'p-1', version: 4 });
    });
  });

  describe('care assignments', () => {
    it('reads the history and posts one assignment at a time', () => {
      api.assignments('p-1').subscribe();
      backend.expectOne({ method: 'GET', url: '/api/v1/participants/p-1/assignments' }).flush({ items: [] });

      let count = -1;
      api.assign('p-1', { specialistId: 'u-2', kind: 'primary', startsOn: '2026-12-01' }).subscribe((list) => (count = list.items.length));
      const request = backend.expectOne({ method: 'POST', url: '/api/v1/participants/p-1/assignments' });
      expect(request.request.body).toEqual({ specialistId: 'u-2', kind: 'primary', startsOn: '2026-12-01' });
      request.flush({ items: [{ id: 'a-1' }, { id: 'a-2' }] });
      expect(count).toBe(2);
    });
  });

  describe('timeline', () => {
    it('asks for the first page with the default size and every kind', () => {
      api.timeline('p-1').subscribe();
      const request = backend.expectOne((r) => r.url === '/api/v1/participants/p-1/timeline');
      expect(request.request.params.get('limit')).toBe('25');
      expect(request.request.params.has('cursor')).toBe(false);
      expect(request.request.params.has('kinds')).toBe(false);
      request.flush({ items: [], nextCursor: null } satisfies TimelinePage);
    });

    it('passes the cursor and the chosen kinds, comma-separated', () => {
      let next: string | null | undefined;
      api.timeline('p-1', { cursor: 'abc', limit: 10, kinds: ['goal-progress', 'safety-event'] }).subscribe((page) => (next = page.nextCursor));
      const request = backend.expectOne((r) => r.url === '/api/v1/participants/p-1/timeline');
      expect(request.request.params.get('cursor')).toBe('abc');
      expect(request.request.params.get('limit')).toBe('10');
      expect(request.request.params.get('kinds')).toBe('goal-progress,safety-event');
      request.flush({ items: [], nextCursor: 'def' } satisfies TimelinePage);
      expect(next).toBe('def');
    });
  });

  describe('tasks', () => {
    it('asks for the participant’s tasks with the filter, page size and cursor', () => {
      api.tasks('p-1', 'done', 'abc', 5).subscribe();
      const request = backend.expectOne((r) => r.url === '/api/v1/participants/p-1/tasks');
      expect(request.request.params.get('status')).toBe('done');
      expect(request.request.params.get('limit')).toBe('5');
      expect(request.request.params.get('cursor')).toBe('abc');
      request.flush({ items: [], nextCursor: null });
    });

    it('adds a task quietly, for the dialog to explain a refusal', () => {
      api.addTask('p-1', { title: 'Call the clinic', dueOn: '2026-12-01' }).subscribe();
      const request = backend.expectOne({ method: 'POST', url: '/api/v1/participants/p-1/tasks' });
      expect(request.request.body).toEqual({ title: 'Call the clinic', dueOn: '2026-12-01' });
      expect(request.request.context.get(SHOW_PROBLEM_SNACKBAR)).toBe(false);
      request.flush({ id: 't-1' });
    });
  });
});
