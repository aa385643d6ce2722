import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router } from '@angular/router';
import { DEFAULT_BILLING_RULE, type Permission, PROBLEM_CONTENT_TYPE, ROLE_PERMISSIONS, type Role } from '@waypoint/shared-contracts';
import { SessionStore } from '@waypoint/web-auth';
import type { CaseloadRow, GroupSession, GroupSessionNote, NewGroupSession, SessionNote } from '@waypoint/web-participant-data';
import { activeGoal, sessionNote } from '../notes/note-fixtures';
import { instantOf, localDateTime } from '../notes/note-fields';
import { GroupSessionPage } from './group-session-page';

const ZONE = 'America/Chicago';
const PARTICIPANTS = '/api/v1/participants';
const CREATE = '/api/v1/group-sessions';

function row(id: string, first: string, last: string, overrides: Partial<CaseloadRow> = {}): CaseloadRow {
  return { id, legalFirstName: first, legalLastName: last, preferredName: null, pronouns: null, status: 'active', version: 1, ...overrides };
}

const CASELOAD = [
  row('p-1', 'Terrence', 'Walker', { pronouns: 'he/him' }),
  row('p-2', 'Ashley', 'Nguyen'),
  row('p-3', 'Danielle', 'Ortiz', { preferredName: 'Dani', status: 'referred' }),
];
const CRAVINGS = activeGoal({ id: '9d2f5a60-0c1e-4a55-9a0c-6c4d1b3f2e01', statement: 'Go to three meetings a week and find a sponsor' });

describe('GroupSessionPage', () => {
  let fixture: ComponentFixture<GroupSessionPage>;
  let backend: HttpTestingController;
  let element: HTMLElement;
  let navigate: jest.SpyInstance;

  async function render(options: { role?: Role; participant?: string; rule?: boolean; topics?: string[] | null } = {}) {
    const role = options.role ?? 'specialist';
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        {
          provide: SessionStore,
          useValue: {
            can: (permission: Permission) => ROLE_PERMISSIONS[role].includes(permission),
            user: signal({ id: 'u-1', displayName: 'Jordan Avery', role, timeZone: ZONE }),
          },
        },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(GroupSessionPage);
    if (options.participant) fixture.componentRef.setInput('participant', options.participant);
    element = fixture.nativeElement;
    await fixture.whenStable();
    const rule = backend.expectOne('/api/v1/notes/billing-rule');
    if (options.rule === false) rule.flush(null, { status: 503, statusText: 'Unavailable' });
    else rule.flush(DEFAULT_BILLING_RULE);
    const settings = backend.expectOne('/api/v1/notes/settings');
    if (options.topics === null) settings.flush(null, { status: 503, statusText: 'Unavailable' });
    else settings.flush({ defaultFormat: 'GIRP', topics: options.topics ?? ['cravings', 'mutual_aid_meetings', 'Holiday stress'], timeZone: ZONE, version: 1 });
    await fixture.whenStable();
  }

  afterEach(() => {
    fixture.destroy();
    backend.verify();
  });

  const roster = async (items = CASELOAD) => {
    backend.expectOne((request) => request.url === PARTICIPANTS && request.params.get('limit') === '100').flush({ items, nextCursor: null });
    await fixture.whenStable();
  };
  const plan = async (participantId: string, goals = [CRAVINGS]) => {
    backend
      .expectOne(`${PARTICIPANTS}/${participantId}/plan`)
      .flush({ goals: [...goals, activeGoal({ id: 'g-old', status: 'achieved', statement: 'Done already' })] });
    await fixture.whenStable();
  };

  /** The input or textarea of the form field labelled `label`, within `root`. */
  function field(label: string, root: ParentNode = element): HTMLInputElement {
    const formField = [...root.querySelectorAll('mat-form-field')].find((candidate) => candidate.querySelector('mat-label')?.textContent?.trim() === label);
    const control = formField?.querySelector<HTMLInputElement>('input, textarea');
    if (!control) throw new Error(`no field "${label}"`);
    return control;
  }
  async function type(label: string, value: string, root: ParentNode = element) {
    const control = field(label, root);
    control.value = value;
    control.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }
  const checkbox = (text: string, root: ParentNode = element) => {
    const box = [...root.querySelectorAll('mat-checkbox')].find((candidate) => candidate.textContent?.includes(text));
    if (!box) throw new Error(`no checkbox "${text}"`);
    return box.querySelector<HTMLInputElement>('input') as HTMLInputElement;
  };
  async function check(text: string, root: ParentNode = element) {
    checkbox(text, root).click();
    await fixture.whenStable();
  }
  const attendee = (name: string) => {
    const card = [...element.querySelectorAll('.attendee')].find((candidate) => candidate.querySelector('h3')?.textContent?.includes(name));
    if (!card) throw new Error(`no attendee "${name}"`);
    return card;
  };
  const button = (label: string) =>
    [...element.querySelectorAll('button')].find(
      (candidate) => candidate.textContent?.replace(candidate.querySelector('mat-icon')?.textContent ?? '', '').trim() === label,
    );
  const units = () => element.querySelector('mat-hint.units')?.textContent?.trim();
  const problem = () => element.querySelector('.problem')?.textContent?.trim();
  async function save() {
    button('Save group session')?.click();
    await fixture.whenStable();
  }

  /** Two attendees, each with their own response, and the shared note. */
  async function fillIn() {
    await type('Topic', '  Coping with cravings at holidays ');
    await check('Terrence Walker');
    await plan('p-1');
    await check('Ashley Nguyen');
    await plan('p-2', []);
    await type('Goal', 'Stay connected through the holidays');
    await type('Intervention', 'Shared coping plans; handed out the holiday meeting list.');
    await type('Plan', 'Meet again next Tuesday.');
    [...element.querySelectorAll('mat-chip-option')]
      .find((chip) => chip.textContent?.includes('Holiday stress'))
      ?.querySelector<HTMLElement>('.mat-mdc-chip-action')
      ?.click();
    await fixture.whenStable();
    await type('Response', 'Said he will call his sponsor before family dinner.', attendee('Terrence Walker'));
    await check(CRAVINGS.statement, attendee('Terrence Walker'));
  }

  it('starts an hour ago, for 60 minutes, in person, and shows the units with the group modifier as the duration changes', async () => {
    const before = localDateTime(new Date(Date.now() - 60 * 60_000), ZONE);
    await render();
    await roster();
    const start = `${field('Date').value}T${field('Start time').value}`;
    // Rounded down to five minutes, on the person's clock (Chicago), whatever the browser's.
    expect(Date.parse(`${before}:00Z`) - Date.parse(`${start}:00Z`)).toBeGreaterThanOrEqual(0);
    expect(Date.parse(`${before}:00Z`) - Date.parse(`${start}:00Z`)).toBeLessThan(6 * 60_000);
    expect(Number(start.slice(-2)) % 5).toBe(0);
    expect(field('Duration (minutes)').value).toBe('60');
    expect(element.querySelector('mat-select[formcontrolname="modality"]')?.textContent).toContain('In person');
    expect(units()).toBe('4 units (H0038 HQ) each');
    await type('Duration (minutes)', '45');
    expect(units()).toBe('3 units (H0038 HQ) each');
    await type('Duration (minutes)', '10');
    expect(units()).toBe('1 unit (H0038 HQ) each');
  });

  it('offers the program’s topics, in words, and the built-in ones when they cannot be read', async () => {
    await render();
    await roster();
    const chips = () => [...element.querySelectorAll('mat-chip-option')].map((chip) => chip.textContent?.trim());
    expect(chips()).toEqual(['Cravings', 'Mutual-aid meetings', 'Holiday stress']);
    fixture.destroy();
    backend.verify();
    TestBed.resetTestingModule();
    await render({ topics: null });
    await roster();
    expect(chips()).toHaveLength(16);
    expect(chips()).toContain('Recovery plan');
  });

  it('lists the caseload to choose from, narrows it by name, and gives each attendee a Response and their active goals', async () => {
    await render();
    expect(element.querySelector('lib-attendee-picker mat-progress-spinner')).not.toBeNull();
    await roster();
    expect(element.textContent).toContain('Choose the attendees from your caseload.');
    expect([...element.querySelectorAll('lib-attendee-picker mat-checkbox')].map((box) => box.querySelector('.name')?.textContent?.trim())).toEqual([
      'Terrence Walker',
      'Ashley Nguyen',
      'Dani Ortiz',
    ]);
    expect(checkbox('Dani Ortiz').closest('mat-checkbox')?.textContent).toContain('Referred');
    expect(element.textContent).toContain('Choose who came above');

    await type('Find a participant', 'dan');
    expect([...element.querySelectorAll('lib-attendee-picker mat-checkbox')].map((box) => box.querySelector('.name')?.textContent?.trim())).toEqual([
      'Dani Ortiz',
    ]);
    await check('Dani Ortiz');
    await plan('p-3');
    await type('Find a participant', 'walk');
    await check('Terrence Walker');
    await plan('p-1', []);

    // In the list's order, each with their own Response and only their active goals.
    expect([...element.querySelectorAll('.attendee h3')].map((heading) => heading.textContent?.trim())).toEqual(['Terrence Walker he/him', 'Dani Ortiz']);
    expect(field('Response', attendee('Dani Ortiz'))).toBeTruthy();
    expect(attendee('Dani Ortiz').textContent).toContain(CRAVINGS.statement);
    expect(attendee('Dani Ortiz').textContent).not.toContain('Done already');
    expect(attendee('Terrence Walker').textContent).toContain('No active goals in the recovery plan yet.');
    expect(element.querySelector('.summary')?.textContent).toContain('2 draft notes');
    expect(element.querySelector('.summary')?.textContent).toContain('4 units each (H0038 HQ)');

    // Letting someone go and choosing them again keeps what was written for them.
    await type('Response', 'Talked about her sister.', attendee('Dani Ortiz'));
    attendee('Dani Ortiz').querySelector<HTMLButtonElement>('button[aria-label="Remove Dani Ortiz"]')?.click();
    await fixture.whenStable();
    expect(element.querySelectorAll('.attendee')).toHaveLength(1);
    await type('Find a participant', '');
    await check('Dani Ortiz');
    expect(field('Response', attendee('Dani Ortiz')).value).toBe('Talked about her sister.');
  });

  it('says a supervisor chooses from their team’s participants', async () => {
    await render({ role: 'supervisor' });
    await roster();
    expect(element.textContent).toContain("Choose the attendees from your team's participants.");
  });

  it('starts with the participant whose Notes tab it was opened from, and leads back there', async () => {
    await render({ participant: 'p-2' });
    await roster();
    await plan('p-2');
    expect([...element.querySelectorAll('.attendee h3')].map((heading) => heading.textContent?.trim())).toEqual(['Ashley Nguyen']);
    expect(element.querySelector('a.back')?.getAttribute('href')).toBe('/participants/p-2/notes');
  });

  it('says what is missing instead of saving, and sends nothing', async () => {
    await render();
    await roster();
    await save();
    expect(problem()).toBe('Before saving, fill in the topic, at least one attendee, the Intervention.');
    expect(element.textContent).toContain('Enter the topic of the group.');
    expect(element.textContent).toContain('Choose at least one attendee.');
    expect(element.textContent).toContain('Write what you did with the group.');
    expect(document.activeElement).toBe(field('Topic'));
    // A start in the future is refused too.
    const tomorrow = localDateTime(new Date(Date.now() + 26 * 60 * 60_000), ZONE).slice(0, 10);
    await type('Date', tomorrow);
    expect(element.textContent).toContain('The group cannot start in the future.');
    backend.expectNone(CREATE);
  });

  it('saves one session with the shared note and each attendee’s own response and goals, then shows its notes', async () => {
    await render();
    await roster();
    await fillIn();
    const date = field('Date').value;
    const time = field('Start time').value;
    await save();

    const request = backend.expectOne(CREATE);
    expect(request.request.method).toBe('POST');
    expect(request.request.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(request.request.body).toEqual<NewGroupSession>({
      topic: 'Coping with cravings at holidays',
      startedAt: instantOf(`${date}T${time}`, ZONE) as string,
      durationMinutes: 60,
      modality: 'in_person',
      location: null,
      goal: 'Stay connected through the holidays',
      intervention: 'Shared coping plans; handed out the holiday meeting list.',
      plan: 'Meet again next Tuesday.',
      topics: ['Holiday stress'],
      attendees: [
        { participantId: 'p-1', response: 'Said he will call his sponsor before family dinner.', goalIds: [CRAVINGS.id] },
        { participantId: 'p-2', response: undefined, goalIds: [] },
      ],
    });
    // Saving: the button waits, so a second press cannot send it twice.
    expect(button('Saving…')?.disabled).toBe(true);
    request.flush(groupSession());
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/participants/group-sessions', 'g-1'], { replaceUrl: true, state: { savedNotes: 2 } });
  });

  it('retries with the same Idempotency-Key after a failure, so the session is recorded once', async () => {
    await render();
    await roster();
    await fillIn();
    await save();
    const first = backend.expectOne(CREATE);
    first.flush(null, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    expect(problem()).toContain('Save again: it will not be recorded twice.');
    expect(button('Save group session')?.disabled).toBe(false);
    await save();
    const second = backend.expectOne(CREATE);
    expect(second.request.headers.get('Idempotency-Key')).toBe(first.request.headers.get('Idempotency-Key'));
    second.flush({ ...groupSession(), replayed: true });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledTimes(1);
  });

  it('explains a refusal: an attendee out of reach (404) or the API’s field problems (400)', async () => {
    await render();
    await roster();
    await fillIn();
    await save();
    refuse(backend.expectOne(CREATE), 404, { title: 'Not Found', detail: 'No such participant.' });
    await fixture.whenStable();
    expect(problem()).toBe('One of the attendees is no longer in your care, so nothing was saved. Remove them and save again.');
    await save();
    refuse(backend.expectOne(CREATE), 400, {
      title: 'Bad Request',
      errors: { 'attendees.0.goalIds': ['A linked goal must be one of the participant’s active goals.'] },
    });
    await fixture.whenStable();
    expect(problem()).toBe('The group session was not saved: A linked goal must be one of the participant’s active goals.');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('offers to try again when the caseload cannot be loaded, and shows no units without the rule', async () => {
    await render({ rule: false });
    backend.expectOne((request) => request.url === PARTICIPANTS).flush(null, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    expect(element.textContent).toContain('The participants could not be loaded.');
    expect(units()).toBeUndefined();
    button('Try again')?.click();
    await fixture.whenStable();
    await roster();
    expect(element.querySelectorAll('lib-attendee-picker mat-checkbox')).toHaveLength(3);
  });
});

function refuse(request: TestRequest, status: number, body: object) {
  request.flush({ type: 'about:blank', status, ...body }, { status, statusText: 'Refused', headers: { 'content-type': PROBLEM_CONTENT_TYPE } });
}

function groupSession(): GroupSession {
  return {
    id: 'g-1',
    topic: 'Coping with cravings at holidays',
    startedAt: '2026-11-21T14:00:00.000Z',
    endedAt: '2026-11-21T15:00:00.000Z',
    facilitatorId: 'u-1',
    facilitatorName: 'Jordan Avery',
    notes: [groupNote({ id: 'n-2', participantId: 'p-2' }, 'Dani Ortiz'), groupNote({ id: 'n-1', participantId: 'p-1' }, 'Terrence Walker')],
  };
}

/** An attendee's note of group session g-1, as the API lists it. */
function groupNote(overrides: Partial<SessionNote>, participantName: string): GroupSessionNote {
  return { ...sessionNote({ contactType: 'group', durationMinutes: 60, units: 4, modifiers: ['HQ'], groupSessionId: 'g-1', ...overrides }), participantName };
}
