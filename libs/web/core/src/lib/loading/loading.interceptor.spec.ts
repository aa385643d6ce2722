import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { loadingInterceptor } from './loading.interceptor';
import { LoadingService } from './loading.service';

describe('loadingInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let loading: LoadingService;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([loadingInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    loading = TestBed.inject(LoadingService);
  });

  afterEach(() => backend.verify());

  it('counts a request while it is in flight and stops when it succeeds', () => {
    http.get('/api/v1/a').subscribe();
    http.get('/api/v1/b').subscribe();
    expect(loading.requestsInFlight()).toBe(2);

    backend.expectOne('/api/v1/a').flush({});
    expect(loading.requestsInFlight()).toBe(1);
    backend.expectOne('/api/v1/b').flush({});
    expect(loading.requestsInFlight()).toBe(0);
  });

  it('stops counting a request that fails', () => {
    http.get('/api/v1/a').subscribe({ error: () => undefined });
    expect(loading.requestsInFlight()).toBe(1);

    backend.expectOne('/api/v1/a').flush('down', { status: 503, statusText: 'Service Unavailable' });
    expect(loading.requestsInFlight()).toBe(0);
  });

  it('stops counting a request that is cancelled', () => {
    const subscription = http.get('/api/v1/a').subscribe();
    const request = backend.expectOne('/api/v1/a');
    expect(loading.requestsInFlight()).toBe(1);

    subscription.unsubscribe();
    expect(request.cancelled).toBe(true);
    expect(loading.requestsInFlight()).toBe(0);
  });

  it('does not count a request nobody subscribes to', () => {
    http.get('/api/v1/a');
    expect(loading.requestsInFlight()).toBe(0);
  });
});
