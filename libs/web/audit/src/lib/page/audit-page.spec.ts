import { BreakpointObserver } from '@angular/cdk/layout';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import type { Permission } from '@waypoint/shared-contracts';
import type { ManagedUser } from '@waypoint/web-auth';
import { SessionStore } from '@waypoint/web-auth';
import type { AuditEventView } from '@waypoint/web-audit-data';
import { of } from 'rxjs';
import { AuditPage } from './audit-page';

const SAM = '6f1c2a4e-0000-4000-8000-000000000001';
const PARTICIPANT = '9b7d3c2e-0000-4000-8000-000000000002';
const DAY_MS = 24 * 60 * 60 * 1000;

function event(id: string, overrides: Partial<AuditEventView> = {}): AuditEventView {
  return {
    id,
    occurredAt: '2026-11-21T10:00:00Z',
    actorId: SAM,
    actorName: 'Sam Okafor',
    actorRole: 'specialist',
    action: 'participant.read',
    resourceType: 'participant',
    resourceId: PARTICIPANT,
    participantId: PARTICIPANT,
    participantName: null,
    outcome: 'success',
    requestId: `req-${id}`,
    ip: '203.0.113.7',
    userAgent: 'Mozilla/5.0 (synthetic)',
    reason: null,
    ...overrides,
  };
}

const user = (id: string, displayName: string): ManagedUser => ({
  id,
  email: `${displayName.split(' ')[0].toLowerCase()}@example.org`,
  displayName,
  role: 'specialist',
  teamId: null,
  teamName: null,
  status: 'active',
  mfaEnrolled: true,
  version: 1,
});

describe('AuditPage', () => {
  let fixture: ComponentFixture<AuditPage>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  async function render(permissions: Permission[], options: { narrow?: boolean; participantId?: string } = {}) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: SessionStore, useValue: { can: (permission: Permission) => permissions.includes(permission) } },
        {
          provide: BreakpointObserver,
          useValue: { observe: () => of({ matches: !!options.narrow, breakpoints: {} }), isMatched: () => !!options.narrow },
        },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AuditPage);
    if (options.participantId) fixture.componentRef.setInput('participantId', options.participantId);
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  const admin = () => render(['audit:read', 'users:manage']);
  const supervisor = () => render(['caseload:team', 'participants:read']);
  const events = (path = '/api/v1/audit/events') => backend.expectOne((request) => request.url === path);
  const flush = async (request: TestRequest, items: AuditEventView[], nextCursor: string | null = null) => {
    request.flush({ items, nextCursor });
    await fixture.whenStable();
  };
  const flushUsers = (users: ManagedUser[] = []) =>
    backend.expectOne('/api/v1/users?limit=100').flush({ items: users, nextCursor: null });
  const button = (text: string) => [...element.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === text);
  const rows = () => [...element.querySelectorAll('tr.mat-mdc-row')];
  const csvLink = () => element.querySelector<HTMLAnchorElement>('a.csv');
  const type = (name: string, value: string) => {
    const input = element.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`);
    if (!input) throw new Error(`no field ${name}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const choose = async (name: string, text: string | RegExp) => {
    const select = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatSelectHarness.with({ selector: `[formcontrolname="${name}"]` }));
    await select.open();
    await select.clickOptions({ text });
  };

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    backend.verify();
  });

  it('shows an admin the whole program from seven days ago, newest first, with a CSV link and the tamper check', async () => {
    const before = Date.now();
    await admin();
    flushUsers();
    expect(element.querySelector('mat-progress-spinner')).not.toBeNull();
    const request = events();
    const after = Date.now();
    const from = request.request.params.get('from') ?? '';
    const fromMs = Date.parse(from);
    expect(request.request.params.keys()).toEqual(['from', 'limit']);
    expect(request.request.params.get('limit')).toBe('50');
    // Seven days before the page opened (some instant in [before, after]), down to the minute.
    expect(fromMs % 60_000).toBe(0);
    expect(fromMs).toBeLessThanOrEqual(after - 7 * DAY_MS);
    expect(fromMs).toBeGreaterThan(before - 7 * DAY_MS - 60_000);
    await flush(request, [event('2', { outcome: 'denied', action: 'auth.sign-in', participantId: null, actorName: null, actorRole: null }), event('1')]);

    expect(rows()).toHaveLength(2);
    const cells = (row: Element) => [...row.querySelectorAll('td')].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim());
    // An admin has no care team: a neutral label and a short reference, never a name or link.
    expect(cells(rows()[1])).toEqual([expect.stringContaining('2026'), expect.stringMatching(/^Sam Okafor ?Peer recovery specialist$/), 'View a participant record', expect.stringMatching(/^Participant outside your care team ?Reference 9b7d3c2e$/), 'Succeeded']);
    expect(rows()[1].querySelector('a')).toBeNull();
    expect(cells(rows()[0])).toEqual([expect.stringContaining('2026'), 'Unknown user', 'Sign in', '', 'Denied']);
    expect(rows()[0].querySelector('.badge.denied')).not.toBeNull();
    expect(element.querySelector('p.status')?.textContent?.trim()).toBe('2 events shown.');

    expect(csvLink()?.getAttribute('href')).toBe(`/api/v1/audit/events.csv?from=${from}`);
    expect(csvLink()?.hasAttribute('download')).toBe(true);
    expect(element.querySelector('lib-chain-check')).not.toBeNull();
  });

  it('sends every filter in the query, and the CSV link carries the same ones', async () => {
    await admin();
    flushUsers([user(SAM, 'Sam Okafor'), user('7a000000-0000-4000-8000-000000000003', 'Alex Kim')]);
    await flush(events(), []);

    type('from', '2026-11-01T08:30');
    type('to', '2026-11-02T17:00');
    type('participantId', ` ${PARTICIPANT} `);
    await choose('actorId', /Sam Okafor/);
    await choose('action', 'View a participant record');
    await choose('outcome', 'Denied');
    button('Show events')?.click();
    await fixture.whenStable();

    const query =
      `from=${new Date('2026-11-01T08:30').toISOString()}&to=${new Date('2026-11-02T17:00').toISOString()}` +
      `&actorId=${SAM}&participantId=${PARTICIPANT}&action=participant.read&outcome=denied`;
    await flush(backend.expectOne(`/api/v1/audit/events?${query}&limit=50`), [event('1', { outcome: 'denied' })]);
    expect(rows()).toHaveLength(1);
    expect(csvLink()?.getAttribute('href')).toBe(`/api/v1/audit/events.csv?${query}`);
  });

  it('asks nothing for a participant id that is not one, or a range that ends before it starts', async () => {
    await admin();
    flushUsers();
    await flush(events(), []);

    type('participantId', 'Sam O.');
    button('Show events')?.click();
    await fixture.whenStable();
    expect(element.querySelector('mat-error')?.textContent).toContain('Enter a full participant ID');

    type('participantId', '');
    type('from', '2026-11-02T10:00');
    type('to', '2026-11-01T10:00');
    button('Show events')?.click();
    await fixture.whenStable();
    expect(element.querySelector('.range-error')?.textContent).toBe('The end must come after the start.');
    backend.expectNone((request) => request.url === '/api/v1/audit/events');
  });

  it('loads older events with the cursor and appends them', async () => {
    await admin();
    flushUsers();
    const first = events();
    const from = first.request.params.get('from');
    await flush(first, [event('3'), event('2')], 'c2');
    expect(element.querySelector('p.status')?.textContent).toContain('2 events shown. Load more for older ones.');

    button('Load more')?.click();
    await fixture.whenStable();
    await flush(backend.expectOne(`/api/v1/audit/events?from=${from}&limit=50&cursor=c2`), [event('1')]);
    expect(rows().map((row) => row.querySelector('.badge')?.textContent)).toHaveLength(3);
    expect(button('Load more')).toBeUndefined();
  });

  it('opens every field of an event in a dialog', async () => {
    await admin();
    flushUsers();
    await flush(events(), [
      event('e-1', { action: 'participant.break-glass-read', reason: 'Arrived in crisis; specialist unreachable.', actorRole: 'supervisor' }),
    ]);
    element.querySelector<HTMLButtonElement>('tr.mat-mdc-row button.open')?.click();
    await fixture.whenStable();

    const dialog = document.querySelector('lib-audit-event-dialog');
    if (!dialog) throw new Error('the dialog did not open');
    expect(dialog.querySelector('h2')?.textContent).toBe('Event details');
    const fields = Object.fromEntries(
      [...dialog.querySelectorAll('dt')].map((dt) => [dt.textContent?.trim(), dt.nextElementSibling?.textContent?.trim()]),
    );
    expect(fields).toEqual({
      'Time (UTC)': '2026-11-21T10:00:00Z',
      Who: 'Sam Okafor',
      Role: 'Supervisor',
      'User ID': SAM,
      Action: 'participant.break-glass-read',
      Outcome: 'Succeeded',
      'Resource type': 'participant',
      'Resource ID': PARTICIPANT,
      Participant: 'Outside your care team',
      'Participant ID': PARTICIPANT,
      Reason: 'Arrived in crisis; specialist unreachable.',
      'Request ID': 'req-e-1',
      'IP address': '203.0.113.7',
      'Browser (user agent)': 'Mozilla/5.0 (synthetic)',
      'Event ID': 'e-1',
    });
    expect(dialog.textContent).toContain('View a record with emergency access');
  });

  it('shows a supervisor their team\'s events by participant name, linking to the record, without the user filter, CSV or tamper check', async () => {
    await supervisor();
    await flush(events('/api/v1/audit/team-events'), [event('1', { participantName: 'Marcus Bell' })]);
    const link = rows()[0].querySelector<HTMLAnchorElement>('td a.participant');
    expect(link?.textContent?.trim()).toBe('Marcus Bell');
    expect(link?.getAttribute('href')).toBe(`/participants/${PARTICIPANT}`);
    expect(rows()[0].textContent).not.toContain('9b7d3c2e');
    backend.expectNone('/api/v1/users?limit=100');
    expect(rows()).toHaveLength(1);
    expect(csvLink()).toBeNull();
    expect(element.querySelector('lib-chain-check')).toBeNull();
    expect(element.querySelector('[formcontrolname="actorId"]')).toBeNull();
    const actions = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatSelectHarness.with({ selector: '[formcontrolname="action"]' }));
    await actions.open();
    expect((await actions.getOptionGroups()).length).toBe(4);
    await actions.close();
  });

  it('opens on one participant from a link', async () => {
    await render(['caseload:team'], { participantId: PARTICIPANT });
    const request = events('/api/v1/audit/team-events');
    expect(request.request.params.get('participantId')).toBe(PARTICIPANT);
    await flush(request, []);
    expect(element.querySelector<HTMLInputElement>('input[formcontrolname="participantId"]')?.value).toBe(PARTICIPANT);
  });

  it('explains an empty result, and offers a retry when loading fails', async () => {
    await supervisor();
    await flush(events('/api/v1/audit/team-events'), []);
    expect(element.textContent).toContain('No events match these filters');

    button('Reset')?.click();
    await fixture.whenStable();
    events('/api/v1/audit/team-events').flush(null, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    expect(element.textContent).toContain('The audit trail could not be loaded');
    button('Try again')?.click();
    await flush(events('/api/v1/audit/team-events'), [event('1')]);
    expect(rows()).toHaveLength(1);
  });

  it('keeps to two columns on a phone', async () => {
    await render(['caseload:team'], { narrow: true });
    await flush(events('/api/v1/audit/team-events'), [event('1')]);
    expect([...element.querySelectorAll('th')].map((th) => th.textContent?.trim())).toEqual(['Event', 'Outcome']);
    const cell = rows()[0].querySelector('td');
    expect(cell?.querySelector('button.open')).not.toBeNull();
    expect(cell?.textContent).toContain('View a participant record');
    expect(cell?.textContent).toContain('Sam Okafor');
  });
});
