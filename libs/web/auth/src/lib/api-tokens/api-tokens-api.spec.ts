import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SHOW_PROBLEM_SNACKBAR } from '@waypoint/web-core';
import { ApiTokensApi } from './api-tokens-api';
import { ApiToken } from './api-tokens.models';

const token: ApiToken = {
  id: '0b7e8f52-5d1c-4a52-9a57-1f1d3f2b8c01',
  name: 'Nightly export script',
  role: 'supervisor',
  userId: 'u-1',
  userEmail: 'robin@example.org',
  createdAt: '2026-01-05T15:00:00.000Z',
  expiresAt: '2026-04-05T15:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
};

describe('ApiTokensApi', () => {
  let api: ApiTokensApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(ApiTokensApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('lists the items of the program', () => {
    let items: ApiToken[] | undefined;
    api.list().subscribe((list) => (items = list));
    const request = backend.expectOne('/api/v1/api-tokens');
    expect(request.request.method).toBe('GET');
    request.flush({ items: [token] });
    expect(items).toEqual([token]);
  });

  it('issues with the body the API validates, leaving its problems to the dialog', () => {
    api.issue({ userId: 'u-1', name: 'Nightly export script', expiresInDays: 90 }).subscribe();
    const request = backend.expectOne('/api/v1/api-tokens');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ userId: 'u-1', name: 'Nightly export script', expiresInDays: 90 });
    expect(request.request.context.get(SHOW_PROBLEM_SNACKBAR)).toBe(false);
    request.flush({ ...token, token: 'wpt_synthetic' });
  });

  it('revokes by id, with the problem snackbar left on', () => {
    let done = false;
    api.revoke(token.id).subscribe({ complete: () => (done = true) });
    const request = backend.expectOne(`/api/v1/api-tokens/${token.id}/revoke`);
    expect(request.request.method).toBe('POST');
    expect(request.request.context.get(SHOW_PROBLEM_SNACKBAR)).toBe(true);
    request.flush(null, { status: 204, statusText: 'No Content' });
    expect(done).toBe(true);
  });
});
