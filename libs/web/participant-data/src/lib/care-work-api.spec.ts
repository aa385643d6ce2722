import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CareWorkApi } from './care-work-api';

describe('CareWorkApi', () => {
  let api: CareWorkApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(CareWorkApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('asks for my tasks with the filter, page size and cursor', () => {
    api.myTasks('open', 'abc', 10).subscribe();
    const request = backend.expectOne((r) => r.url === '/api/v1/tasks');
    expect(request.request.params.get('status')).toBe('open');
    expect(request.request.params.get('limit')).toBe('10');
    expect(request.request.params.get('cursor')).toBe('abc');
    request.flush({ items: [], nextCursor: null });
  });

  it('completes a task with the version it was read at', () => {
    api.setTaskDone({ id: 't-1', version: 3 }, true).subscribe();
    const request = backend.expectOne('/api/v1/tasks/t-1');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ done: true, version: 3 });
    request.flush({});
  });

  it('unwraps the crisis lines', () => {
    let lines: unknown;
    api.crisisResources().subscribe((items) => (lines = items));
    backend.expectOne('/api/v1/crisis-resources').flush({ items: [{ name: '988', phone: '988' }] });
    expect(lines).toEqual([{ name: '988', phone: '988' }]);
  });
});
