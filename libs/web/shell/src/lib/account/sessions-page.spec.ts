import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { AccountSession, SessionStore } from '@waypoint/web-auth';
import { fakeSessionStore, sessionUser } from '../testing/fake-session-store';
import { SessionsPage } from './sessions-page';
import { describeUserAgent } from './user-agent';

const SESSIONS = '/api/v1/auth/sessions';
const CHROME_LINUX = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';

const sessions: AccountSession[] = [
  { id: 's-1', createdAt: '2026-03-04T14:00:00Z', lastSeenAt: '2026-03-04T15:00:00Z', expiresAt: '', userAgent: CHROME_LINUX, current: true },
  { id: 's-2', createdAt: '2026-03-03T09:00:00Z', lastSeenAt: '2026-03-03T10:30:00Z', expiresAt: '', userAgent: SAFARI_IPHONE, current: false },
];

describe('SessionsPage', () => {
  let fixture: ComponentFixture<SessionsPage>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: SessionStore, useValue: fakeSessionStore(sessionUser('specialist', { timeZone: 'America/Chicago' })) },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SessionsPage);
    element = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  const titles = () => [...element.querySelectorAll('.session-title')].map((title) => title.textContent?.replace(/\s+/g, ' ').trim());

  it('shows a spinner, then each session with the current one marked and no End button on it', async () => {
    expect(element.querySelector('mat-progress-spinner')).not.toBeNull();
    backend.expectOne(SESSIONS).flush({ items: sessions });
    await fixture.whenStable();

    expect(titles()).toEqual(['Chrome on Linux This browser', 'Safari on iOS']);
    const cards = element.querySelectorAll('mat-card');
    expect(cards[0].querySelector('button')).toBeNull();
    expect(cards[1].querySelector('button')?.getAttribute('aria-label')).toBe('End session on Safari on iOS');
    // Shown in the program's time zone (Chicago, UTC-6 in early March).
    expect(cards[0].textContent).toContain('8:00');
  });

  it('ends another session with a DELETE and says so', async () => {
    backend.expectOne(SESSIONS).flush({ items: sessions });
    await fixture.whenStable();
    element.querySelectorAll<HTMLButtonElement>('mat-card button')[0].click();

    const request = backend.expectOne('/api/v1/auth/sessions/s-2');
    expect(request.request.method).toBe('DELETE');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();

    expect(titles()).toEqual(['Chrome on Linux This browser']);
    expect(element.querySelector('[aria-live="polite"]')?.textContent).toBe('Ended the session on Safari on iOS.');
    expect(element.querySelector('.only-one')).not.toBeNull();
  });

  it('offers to try again when the list cannot be loaded', async () => {
    backend.expectOne(SESSIONS).flush(null, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    element.querySelector<HTMLButtonElement>('lib-empty-state button')?.click();
    backend.expectOne(SESSIONS).flush({ items: sessions });
    await fixture.whenStable();
    expect(titles()).toHaveLength(2);
  });
});

describe('describeUserAgent', () => {
  it.each([
    [CHROME_LINUX, 'Chrome on Linux', false],
    [SAFARI_IPHONE, 'Safari on iOS', true],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36 Edg/140.0', 'Edge on Windows', false],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox on macOS', false],
    [null, 'Unknown browser', false],
  ])('describes %p as %s', (agent, label, mobile) => {
    expect(describeUserAgent(agent)).toEqual({ label, mobile });
  });
});
