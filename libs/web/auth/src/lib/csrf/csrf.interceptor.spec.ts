import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { readCsrfToken } from './csrf-cookie';
import { csrfInterceptor } from './csrf.interceptor';

function setCookie(name: string, value: string | null): void {
  document.cookie = value === null ? `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/` : `${name}=${value}; path=/`;
}

describe('csrfInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([csrfInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    setCookie('wp_csrf', 'token-1');
  });

  afterEach(() => {
    backend.verify();
    setCookie('wp_csrf', null);
    setCookie('__Host-wp_csrf', null);
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('adds the cookie value as X-CSRF-Token to %s', (method) => {
    http.request(method, '/api/v1/users/1', { body: {} }).subscribe();
    expect(backend.expectOne('/api/v1/users/1').request.headers.get('X-CSRF-Token')).toBe('token-1');
  });

  it.each(['GET', 'HEAD', 'OPTIONS'])('leaves the safe method %s alone', (method) => {
    http.request(method, '/api/v1/users').subscribe();
    expect(backend.expectOne('/api/v1/users').request.headers.has('X-CSRF-Token')).toBe(false);
  });

  it('never sends the token to another origin', () => {
    http.post('https://elsewhere.example/collect', {}).subscribe();
    expect(backend.expectOne('https://elsewhere.example/collect').request.headers.has('X-CSRF-Token')).toBe(false);
  });

  it('sends no header when there is no session cookie', () => {
    setCookie('wp_csrf', null);
    http.post('/api/v1/auth/sign-in', {}).subscribe();
    expect(backend.expectOne('/api/v1/auth/sign-in').request.headers.has('X-CSRF-Token')).toBe(false);
  });

  it('reads the cookie at send time, so a changed value is used at once', () => {
    setCookie('wp_csrf', 'token-2');
    http.delete('/api/v1/auth/sessions/9').subscribe();
    expect(backend.expectOne('/api/v1/auth/sessions/9').request.headers.get('X-CSRF-Token')).toBe('token-2');
  });
});

describe('readCsrfToken', () => {
  it('prefers the __Host- cookie used over https', () => {
    expect(readCsrfToken('wp_csrf=plain; __Host-wp_csrf=secure')).toBe('secure');
  });

  it('decodes the value and ignores look-alike names', () => {
    expect(readCsrfToken('xwp_csrf=no; wp_csrf=a%2Bb')).toBe('a+b');
  });

  it('is null without the cookie or with an empty one', () => {
    expect(readCsrfToken('')).toBeNull();
    expect(readCsrfToken('wp_csrf=')).toBeNull();
    expect(readCsrfToken('other=1')).toBeNull();
  });
});
