import { TestBed } from '@angular/core/testing';
import type { TestRequest } from '@angular/common/http/testing';
import { PROBLEM_CONTENT_TYPE } from '@waypoint/shared-contracts';
import type { GroupSession, GroupSessionNote, NewGroupSession, SessionNote } from '@waypoint/web-participant-data';
import { sessionNote } from '../notes/note-fixtures';
import { instantOf, localDateTime } from '../notes/note-fields';
import { CRAVINGS, GroupSessionPageHarness, ZONE } from './group-session-page.harness';

const CREATE = '/api/v1/group-sessions';

/** The session and the group note: defaults, what stops a save, the request it sends, refusals. */
describe('GroupSessionPage', () => {
  const page = new GroupSessionPageHarness();
  const { render, roster, plan, field, type, check, attendee, button, units } = page;
  const problem = () => page.element.querySelector('.problem')?.textContent?.trim();
  async function save() {
    button('Save group session')?.click();
    await page.fixture.whenStable();
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
    [...page.element.querySelectorAll('mat-chip-option')]
      .find((chip) => chip.textContent?.includes('Holiday stress'))
      ?.querySelector<HTMLElement>('.mat-mdc-chip-action')
      ?.click();
    await page.fixture.whenStable();
    await type('Response', 'Said he will call his sponsor before family dinner.', attendee('Terrence Walker'));
    await check(CRAVINGS.statement, attendee('Terrence Walker'));
  }

  afterEach(() => page.destroy());

  it('starts an hour ago, for 60 minutes, in person, and shows the units with the group modifier as the duration changes', async () => {
    const before = localDateTime(new Date(Date.now() - 60 * 60_000), ZONE);
    await render();
    await roster();
    const after = localDateTime(new Date(Date.now() - 60 * 60_000), ZONE);
    const start = `${field('Date').value}T${field('Start time').value}`;
    // An hour before the page opened (some minute in [before, after]), rounded down to five
    // minutes, on the person's clock (Chicago), whatever the browser's.
    const minutes = (local: string) => Date.parse(`${local}:00Z`) / 60_000;
    expect(minutes(start)).toBeLessThanOrEqual(minutes(after));
    expect(minutes(start)).toBeGreaterThan(minutes(before) - 5);
    expect(Number(start.slice(-2)) % 5).toBe(0);
    expect(field('Duration (minutes)').value).toBe('60');
    expect(page.element.querySelector('mat-select[formcontrolname="modality"]')?.textContent).toContain('In person');
    expect(units()).toBe('4 units (H0038 HQ) each');
    await type('Duration (minutes)', '45');
    expect(units()).toBe('3 units (H0038 HQ) each');
    await type('Duration (minutes)', '10');
    expect(units()).toBe('1 unit (H0038 HQ) each');
  });

  it('offers the program’s topics, in words, and the built-in ones when they cannot be read', async () => {
    await render();
    await roster();
    const chips = () => [...page.element.querySelectorAll('mat-chip-option')].map((chip) => chip.textContent?.trim());
    expect(chips()).toEqual(['Cravings', 'Mutual-aid meetings', 'Holiday stress']);
    page.fixture.destroy();
    page.backend.verify();
    TestBed.resetTestingModule();
    await render({ topics: null });
    await roster();
    expect(chips()).toHaveLength(16);
    expect(chips()).toContain('Recovery plan');
  });

  it('says what is missing instead of saving, and sends nothing', async () => {
    await render();
    await roster();
    await save();
    expect(problem()).toBe('Before saving, fill in the topic, at least one attendee, the Intervention.');
    expect(page.element.textContent).toContain('Enter the topic of the group.');
    expect(page.element.textContent).toContain('Choose at least one attendee.');
    expect(page.element.textContent).toContain('Write what you did with the group.');
    expect(document.activeElement).toBe(field('Topic'));
    // A start in the future is refused too.
    const tomorrow = localDateTime(new Date(Date.now() + 26 * 60 * 60_000), ZONE).slice(0, 10);
    await type('Date', tomorrow);
    expect(page.element.textContent).toContain('The group cannot start in the future.');
    page.backend.expectNone(CREATE);
  });

  it('saves one session with the shared note and each attendee’s own response and goals, then shows its notes', async () => {
    await render();
    await roster();
    await fillIn();
    const date = field('Date').value;
    const time = field('Start time').value;
    await save();

    const request = page.backend.expectOne(CREATE);
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
        { participantId: 'p-2', response: undefined, goalIds: [] },
        { participantId: 'p-1', response: 'Said he will call his sponsor before family dinner.', goalIds: [CRAVINGS.id] },
      ],
    });
    // Saving: the button waits, so a second press cannot send it twice.
    expect(button('Saving…')?.disabled).toBe(true);
    request.flush(groupSession());
    await page.fixture.whenStable();
    expect(page.navigate).toHaveBeenCalledWith(['/participants/group-sessions', 'g-1'], { replaceUrl: true, state: { savedNotes: 2 } });
  });

  it('retries with the same Idempotency-Key after a failure, so the session is recorded once', async () => {
    await render();
    await roster();
    await fillIn();
    await save();
    const first = page.backend.expectOne(CREATE);
    first.flush(null, { status: 503, statusText: 'Unavailable' });
    await page.fixture.whenStable();
    expect(problem()).toContain('Save again: it will not be recorded twice.');
    expect(button('Save group session')?.disabled).toBe(false);
    await save();
    const second = page.backend.expectOne(CREATE);
    expect(second.request.headers.get('Idempotency-Key')).toBe(first.request.headers.get('Idempotency-Key'));
    second.flush({ ...groupSession(), replayed: true });
    await page.fixture.whenStable();
    expect(page.navigate).toHaveBeenCalledTimes(1);
  });

  it('explains a refusal: an attendee out of reach (404) or the API’s field problems (400)', async () => {
    await render();
    await roster();
    await fillIn();
    await save();
    refuse(page.backend.expectOne(CREATE), 404, { title: 'Not Found', detail: 'No such participant.' });
    await page.fixture.whenStable();
    expect(problem()).toBe('One of the attendees is no longer in your care, so nothing was saved. Remove them and save again.');
    await save();
    refuse(page.backend.expectOne(CREATE), 400, {
      title: 'Bad Request',
      errors: { 'attendees.0.goalIds': ['A linked goal must be one of the participant’s active goals.'] },
    });
    await page.fixture.whenStable();
    expect(problem()).toBe('The group session was not saved: A linked goal must be one of the participant’s active goals.');
    expect(page.navigate).not.toHaveBeenCalled();
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
