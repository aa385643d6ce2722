import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { AssessmentsApi } from './assessments-api';

describe('AssessmentsApi', () => {
  let api: AssessmentsApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(AssessmentsApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('reads the history of one participant', async () => {
    const pending = firstValueFrom(api.history('p 1'));
    backend.expectOne({ method: 'GET', url: '/api/v1/participants/p%201/assessments' }).flush({ items: [], truncated: false });
    expect(await pending).toEqual({ items: [], truncated: false });
  });

  it('records an assessment', async () => {
    const body = { answers: [4, 4, 4, 4, 4, 4, 4, 4, 4, 4], takenOn: '2025-11-20' };
    const pending = firstValueFrom(api.record('p-1', body));
    const request = backend.expectOne({ method: 'POST', url: '/api/v1/participants/p-1/assessments' });
    expect(request.request.body).toEqual(body);
    request.flush({ id: 'a-1', total: 40 });
    expect(await pending).toMatchObject({ id: 'a-1', total: 40 });
  });
});
