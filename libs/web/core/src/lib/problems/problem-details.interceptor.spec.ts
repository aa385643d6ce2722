import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ProblemDetails, ProblemType } from '@waypoint/shared-contracts';
import { problemDetailsInterceptor } from './problem-details.interceptor';
import { withoutProblemSnackbar } from './problem-snackbar.context';

const conflict: ProblemDetails = {
  type: ProblemType.conflict,
  title: 'Someone else changed this note',
  status: 409,
  detail: 'Reload the note to see their changes, then try again.',
  requestId: 'req-7f3a',
};
const problemHeaders = { 'Content-Type': 'application/problem+json' };

/** The snackbar's code is loaded on demand; let that import settle and the view render. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  TestBed.tick();
}

function snackBarText(): string | null {
  return document.querySelector('lib-problem-snack-bar')?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
}

describe('problemDetailsInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let errors: unknown[];

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([problemDetailsInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    errors = [];
  });

  afterEach(() => {
    TestBed.inject(MatSnackBar).dismiss();
    backend.verify();
  });

  it('shows the problem title, detail and request id, and still fails the call', async () => {
    http.put('/api/v1/notes/1', {}).subscribe({ error: (e) => errors.push(e) });
    backend.expectOne('/api/v1/notes/1').flush(conflict, { status: 409, statusText: 'Conflict', headers: problemHeaders });
    await settle();

    expect(snackBarText()).toContain(conflict.title);
    expect(snackBarText()).toContain(conflict.detail);
    expect(snackBarText()).toContain('Request ID: req-7f3a');
    expect(errors).toHaveLength(1);
    expect((errors[0] as HttpErrorResponse).status).toBe(409);
  });

  it('stays quiet when the request opts out, leaving the error to the caller', async () => {
    const open = jest.spyOn(TestBed.inject(MatSnackBar), 'openFromComponent');
    http.post('/api/v1/auth/sign-in', {}, { context: withoutProblemSnackbar() }).subscribe({ error: (e) => errors.push(e) });
    backend.expectOne('/api/v1/auth/sign-in').flush(conflict, { status: 409, statusText: 'Conflict', headers: problemHeaders });
    await settle();

    expect(open).not.toHaveBeenCalled();
    expect(snackBarText()).toBeNull();
    expect(errors).toHaveLength(1);
  });

  it('says Waypoint cannot be reached when there is no response at all', async () => {
    http.get('/api/v1/participants').subscribe({ error: (e) => errors.push(e) });
    backend.expectOne('/api/v1/participants').error(new ProgressEvent('error'), { status: 0 });
    await settle();

    expect(snackBarText()).toContain('Cannot reach Waypoint. Check your connection.');
    expect(snackBarText()).not.toContain('Request ID');
  });

  it('leaves error bodies that are not problem details to the caller', async () => {
    const open = jest.spyOn(TestBed.inject(MatSnackBar), 'openFromComponent');
    http.get('/api/v1/participants').subscribe({ error: (e) => errors.push(e) });
    backend
      .expectOne('/api/v1/participants')
      .flush('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html' } });
    await settle();

    expect(open).not.toHaveBeenCalled();
    expect(errors).toHaveLength(1);
  });

  it('leaves a 401 to the session handling, which ends on the sign-in page with its own message', async () => {
    const open = jest.spyOn(TestBed.inject(MatSnackBar), 'openFromComponent');
    http.get('/api/v1/participants').subscribe({ error: (e) => errors.push(e) });
    backend.expectOne('/api/v1/participants').flush(
      { type: ProblemType.unauthorized, title: 'Unauthorized', status: 401, detail: 'Your session has ended.' },
      { status: 401, statusText: 'Unauthorized', headers: problemHeaders },
    );
    await settle();

    expect(open).not.toHaveBeenCalled();
    expect(errors).toHaveLength(1);
  });
});
