import { HttpClient, HttpContext, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { SKIP_SESSION_REFRESH } from './session-context';
import { sessionInterceptor } from './session.interceptor';
import { SessionStore } from './session.store';

const REFRESH = '/api/v1/auth/refresh';
const unauthorized = { status: 401, statusText: 'Unauthorized' };

/** The refresh settles through a promise (it may wait for a Web Lock), so let microtasks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('sessionInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let store: SessionStore;
  let navigate: jest.SpyInstance;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([sessionInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(SessionStore);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  });

  afterEach(() => backend.verify());

  /** Pretends someone is signed in, as if `/auth/me` had answered. */
  function signedIn(): void {
    jest.spyOn(store, 'signedIn').mockReturnValue(true);
  }

  it('passes successful calls through and counts them as activity', () => {
    const activity = jest.spyOn(store, 'noteActivity');
    let body: unknown;
    http.get('/api/v1/participants').subscribe((value) => (body = value));
    backend.expectOne('/api/v1/participants').flush({ items: [] });
    expect(body).toEqual({ items: [] });
    expect(activity).toHaveBeenCalledTimes(1);
  });

  it('refreshes once after a 401 and repeats the call', async () => {
    let body: unknown;
    http.get('/api/v1/participants').subscribe((value) => (body = value));
    backend.expectOne('/api/v1/participants').flush(null, unauthorized);

    const refresh = backend.expectOne(REFRESH);
    expect(refresh.request.method).toBe('POST');
    expect(refresh.request.context.get(SKIP_SESSION_REFRESH)).toBe(true);
    refresh.flush({ refreshed: true });
    await settle();

    backend.expectOne('/api/v1/participants').flush({ items: [1] });
    expect(body).toEqual({ items: [1] });
    expect(navigate).not.toHaveBeenCalled();
  });

  it('ends the session and goes to sign in when the refresh is refused, without trying again', async () => {
    signedIn();
    const end = jest.spyOn(store, 'end');
    await TestBed.inject(Router).navigateByUrl('/');
    navigate.mockClear();
    jest.spyOn(TestBed.inject(Router), 'url', 'get').mockReturnValue('/caseload');
    const errors: HttpErrorResponse[] = [];
    http.get('/api/v1/participants').subscribe({ error: (error) => errors.push(error) });

    backend.expectOne('/api/v1/participants').flush(null, unauthorized);
    backend.expectOne(REFRESH).flush(null, unauthorized);
    await settle();

    // No loop: no second refresh and no repeat of the call.
    backend.expectNone(REFRESH);
    backend.expectNone('/api/v1/participants');
    expect(errors.map((error) => error.status)).toEqual([401]);
    expect(end).toHaveBeenCalledWith('ended');
    expect(navigate).toHaveBeenCalledWith('/sign-in?returnTo=%2Fcaseload');
  });

  it('does not redirect while nobody is signed in yet (start-up), leaving that to the guards', async () => {
    const errors: unknown[] = [];
    http.get('/api/v1/auth/me').subscribe({ error: (error) => errors.push(error) });
    backend.expectOne('/api/v1/auth/me').flush(null, unauthorized);
    backend.expectOne(REFRESH).flush(null, unauthorized);
    await settle();

    expect(errors).toHaveLength(1);
    expect(navigate).not.toHaveBeenCalled();
    expect(store.endReason()).toBe('ended');
  });

  it('shares one refresh among calls that fail together (a reused refresh token would end the session)', async () => {
    const bodies: unknown[] = [];
    http.get('/api/v1/a').subscribe((value) => bodies.push(value));
    http.get('/api/v1/b').subscribe((value) => bodies.push(value));
    backend.expectOne('/api/v1/a').flush(null, unauthorized);
    backend.expectOne('/api/v1/b').flush(null, unauthorized);

    backend.expectOne(REFRESH).flush({ refreshed: true });
    await settle();
    backend.expectOne('/api/v1/a').flush('a');
    backend.expectOne('/api/v1/b').flush('b');
    expect(bodies).toEqual(['a', 'b']);
  });

  it('hands a 401 on the repeated call back to the caller: the refresh proved the session alive', async () => {
    signedIn();
    const end = jest.spyOn(store, 'end');
    const errors: HttpErrorResponse[] = [];
    http.post('/api/v1/auth/password', {}).subscribe({ error: (error) => errors.push(error) });
    backend.expectOne('/api/v1/auth/password').flush(null, unauthorized);
    backend.expectOne(REFRESH).flush({ refreshed: true });
    await settle();
    backend.expectOne('/api/v1/auth/password').flush({ title: 'Wrong' }, unauthorized);

    backend.expectNone(REFRESH);
    expect(errors.map((error) => error.status)).toEqual([401]);
    expect(end).not.toHaveBeenCalled();
  });

  it('leaves calls marked to skip refresh, and other errors, to the caller', () => {
    const errors: HttpErrorResponse[] = [];
    const context = new HttpContext().set(SKIP_SESSION_REFRESH, true);
    http.post('/api/v1/auth/sign-in', {}, { context }).subscribe({ error: (error) => errors.push(error) });
    backend.expectOne('/api/v1/auth/sign-in').flush(null, unauthorized);
    http.get('/api/v1/participants/x').subscribe({ error: (error) => errors.push(error) });
    backend.expectOne('/api/v1/participants/x').flush(null, { status: 404, statusText: 'Not Found' });

    backend.expectNone(REFRESH);
    expect(errors.map((error) => error.status)).toEqual([401, 404]);
  });

  it('ignores requests outside the API', () => {
    const errors: unknown[] = [];
    http.get('/assets/i18n.json').subscribe({ error: (error) => errors.push(error) });
    backend.expectOne('/assets/i18n.json').flush(null, unauthorized);
    backend.expectNone(REFRESH);
    expect(errors).toHaveLength(1);
  });
});
