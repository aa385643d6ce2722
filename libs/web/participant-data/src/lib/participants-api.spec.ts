import { HttpErrorResponse, HttpHeaders, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { PROBLEM_CONTENT_TYPE } from '@waypoint/shared-contracts';
import { SHOW_PROBLEM_SNACKBAR } from '@waypoint/web-core';
import type { ParticipantRecord } from './participants.models';
import { duplicateCandidatesFrom, fieldErrorsFrom } from './participant-problems';
import { ParticipantsApi } from './participants-api';

const record: ParticipantRecord = {
  id: 'p-1',
  legalFirstName: 'Jordan',
  legalLastName: 'Avery',
  preferredName: null,
  pronouns: null,
  status: 'referred',
  version: 1,
  dateOfBirth: '1990-04-12',
};

const candidate = { id: 'p-9', displayName: 'Jordan A.', dateOfBirth: '1990-04-12', status: 'active', inYourCaseload: true };

describe('ParticipantsApi', () => {
  let api: ParticipantsApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(ParticipantsApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('checks for possible duplicates, quietly', () => {
    let result: unknown;
    api.checkDuplicates({ legalFirstName: 'Jordan', legalLastName: 'Avery', dateOfBirth: '1990-04-12' }).subscribe((r) => (result = r));
    const request = backend.expectOne({ method: 'POST', url: '/api/v1/participants/duplicate-check' });
    expect(request.request.body).toEqual({ legalFirstName: 'Jordan', legalLastName: 'Avery', dateOfBirth: '1990-04-12' });
    expect(request.request.context.get(SHOW_PROBLEM_SNACKBAR)).toBe(false);
    request.flush({ candidates: [candidate] });
    expect(result).toEqual({ candidates: [candidate] });
  });

  it('creates a participant and leaves its problems to the form', () => {
    let created: ParticipantRecord | undefined;
    api.create({ legalFirstName: 'Jordan', legalLastName: 'Avery', dateOfBirth: '1990-04-12', confirmedNotDuplicate: true }).subscribe((r) => (created = r));
    const request = backend.expectOne({ method: 'POST', url: '/api/v1/participants' });
    expect(request.request.body.confirmedNotDuplicate).toBe(true);
    expect(request.request.context.get(SHOW_PROBLEM_SNACKBAR)).toBe(false);
    request.flush(record, { status: 201, statusText: 'Created' });
    expect(created?.id).toBe('p-1');
  });

  it('updates with the version it read', () => {
    api.update('p 1', { pronouns: 'they/them', version: 3 }).subscribe();
    const request = backend.expectOne({ method: 'PATCH', url: '/api/v1/participants/p%201' });
    expect(request.request.body).toEqual({ pronouns: 'they/them', version: 3 });
    request.flush({ ...record, pronouns: 'they/them', version: 4 });
  });

  it('changes the status', () => {
    api.changeStatus('p-1', { status: 'discharged', effectiveOn: '2026-11-02', reason: 'Moved out of state', version: 2 }).subscribe();
    const request = backend.expectOne({ method: 'POST', url: '/api/v1/participants/p-1/status' });
    expect(request.request.body).toEqual({ status: 'discharged', effectiveOn: '2026-11-02', reason: 'Moved out of state', version: 2 });
    expect(request.request.context.get(SHOW_PROBLEM_SNACKBAR)).toBe(false);
    request.flush({ ...record, status: 'discharged', version: 3 });
  });

  it('lists the specialists a supervisor may assign to', () => {
    let names: string[] = [];
    api.assignableSpecialists().subscribe((r) => (names = r.items.map((s) => s.displayName)));
    backend.expectOne({ method: 'GET', url: '/api/v1/care-team/specialists' }).flush({
      items: [{ id: 's-1', displayName: 'Sam Okafor', teamName: 'North', caseloadSize: 12 }],
    });
    expect(names).toEqual(['Sam Okafor']);
  });
});

describe('participant problems', () => {
  const problem = (status: number, body: object) =>
    new HttpErrorResponse({ status, error: body, headers: new HttpHeaders({ 'content-type': PROBLEM_CONTENT_TYPE }) });

  it('reads the candidates of a possible-duplicate refusal, and nothing from other conflicts', () => {
    const duplicate = problem(409, { type: '/problems/possible-duplicate', title: 'Possible duplicate', status: 409, candidates: [candidate] });
    expect(duplicateCandidatesFrom(duplicate)).toEqual([candidate]);
    expect(duplicateCandidatesFrom(problem(409, { type: '/problems/conflict', title: 'Conflict', status: 409 }))).toBeNull();
    expect(duplicateCandidatesFrom(new Error('boom'))).toBeNull();
  });

  it('reads per-field messages of a validation problem', () => {
    const invalid = problem(400, { type: '/problems/validation', title: 'Invalid', status: 400, errors: { email: ['Give an email address.'] } });
    expect(fieldErrorsFrom(invalid)).toEqual({ email: ['Give an email address.'] });
    expect(fieldErrorsFrom(problem(409, { type: '/problems/conflict', title: 'Conflict', status: 409 }))).toEqual({});
  });
});
