import type { CaseloadRow } from '@waypoint/web-participant-data';
import { CASELOAD, CRAVINGS, GroupSessionPageHarness, ORTEGA, PARTICIPANTS } from './group-session-page.harness';

/** Choosing who came: the roster (one page, or searched through the API), and each attendee's card. */
describe('GroupSessionPage: attendees', () => {
  const page = new GroupSessionPageHarness();
  const { render, roster, pause, choices, plan, field, type, checkbox, check, attendee, attendees, button, units } = page;

  afterEach(() => page.destroy());

  it('lists the caseload to choose from, narrows it by name, and gives each attendee a Response and their active goals', async () => {
    await render();
    expect(page.element.querySelector('lib-attendee-picker mat-progress-spinner')).not.toBeNull();
    await roster();
    expect(page.element.textContent).toContain('Choose the attendees from your caseload.');
    expect(choices()).toEqual(['Ashley Nguyen', 'Dani Ortiz', 'Terrence Walker']);
    expect(checkbox('Dani Ortiz').closest('mat-checkbox')?.textContent).toContain('Referred');
    expect(page.element.textContent).toContain('Choose who came above');
    expect(button('Show more participants')).toBeUndefined();

    // Everyone is here: typing narrows the list at once, and asks the API nothing.
    await type('Find a participant', 'dan');
    expect(choices()).toEqual(['Dani Ortiz']);
    await pause();
    page.backend.expectNone((request) => request.url === PARTICIPANTS);
    await check('Dani Ortiz');
    await plan('p-3');
    await type('Find a participant', 'walk');
    await check('Terrence Walker');
    await plan('p-1', []);

    // In the list's order (by last name), each with their own Response and only their active goals.
    expect(attendees()).toEqual(['Dani Ortiz', 'Terrence Walker he/him']);
    expect(field('Response', attendee('Dani Ortiz'))).toBeTruthy();
    expect(attendee('Dani Ortiz').textContent).toContain(CRAVINGS.statement);
    expect(attendee('Dani Ortiz').textContent).not.toContain('Done already');
    expect(attendee('Terrence Walker').textContent).toContain('No active goals in the recovery plan yet.');
    expect(page.element.querySelector('.summary')?.textContent).toContain('2 draft notes');
    expect(page.element.querySelector('.summary')?.textContent).toContain('4 units each (H0038 HQ)');

    // Letting someone go and choosing them again keeps what was written for them.
    await type('Response', 'Talked about her sister.', attendee('Dani Ortiz'));
    attendee('Dani Ortiz').querySelector<HTMLButtonElement>('button[aria-label="Remove Dani Ortiz"]')?.click();
    await page.fixture.whenStable();
    expect(page.element.querySelectorAll('.attendee')).toHaveLength(1);
    await type('Find a participant', '');
    await check('Dani Ortiz');
    expect(field('Response', attendee('Dani Ortiz')).value).toBe('Talked about her sister.');
  });

  it('says a supervisor chooses from their team’s participants', async () => {
    await render({ role: 'supervisor' });
    await roster();
    expect(page.element.textContent).toContain("Choose the attendees from your team's participants.");
  });

  it('searches a roster larger than one page through the API, shows more on request, and keeps the chosen by name', async () => {
    await render({ role: 'supervisor' });
    await roster(CASELOAD, { nextCursor: 'page-2' });
    expect(choices()).toEqual(['Ashley Nguyen', 'Dani Ortiz', 'Terrence Walker']);

    await type('Find a participant', 'ort');
    page.backend.expectNone((request) => request.url === PARTICIPANTS);
    // While the API is asked, the rows at hand are narrowed by name, not shown as they were.
    expect(choices()).toEqual(['Dani Ortiz']);
    await pause();
    await roster([CASELOAD[1] as CaseloadRow], { search: 'ort', nextCursor: 'ort-2' });
    expect(choices()).toEqual(['Dani Ortiz']);
    button('Show more matches')?.click();
    await page.fixture.whenStable();
    await roster([ORTEGA], { search: 'ort', cursor: 'ort-2' });
    expect(choices()).toEqual(['Dani Ortiz', 'Maria Ortega']);
    expect(button('Show more matches')).toBeUndefined();
    await check('Maria Ortega');
    await plan('p-9', []);

    // A date of birth is the API's to match: its answer is shown as it is.
    await type('Find a participant', '1990-02-14');
    expect(choices()).toEqual(['Maria Ortega']); // no name matches a date; the chosen stay in view
    await pause();
    await roster([CASELOAD[0] as CaseloadRow], { search: '1990-02-14' });
    expect(choices()).toEqual(['Ashley Nguyen']);
    // Searched away, a chosen attendee keeps their name.
    expect(attendee('Maria Ortega')).toBeTruthy();
    expect(page.element.querySelector('lib-attendee-picker')?.textContent).toContain('1 chosen');
  });

  it('says it is searching a large roster while nobody at hand matches, then what the API found', async () => {
    await render({ role: 'supervisor' });
    await roster(CASELOAD, { nextCursor: 'page-2' });
    const picker = () => page.element.querySelector('lib-attendee-picker')?.textContent ?? '';
    await type('Find a participant', 'zed');
    expect(choices()).toEqual([]);
    expect(picker()).toContain('Searching…');
    expect(picker()).not.toContain('Nobody matches');
    await pause();
    await roster([], { search: 'zed' });
    expect(picker()).toContain('Nobody matches “zed”.');
    expect(picker()).not.toContain('Searching…');
  });

  it('starts with the participant whose Notes tab it was opened from, and leads back there', async () => {
    await render({ participant: 'p-2' });
    page.backend.expectOne(`${PARTICIPANTS}/p-2`).flush(CASELOAD[0]);
    await roster();
    await plan('p-2');
    expect(attendees()).toEqual(['Ashley Nguyen']);
    expect(page.element.querySelector('a.back')?.getAttribute('href')).toBe('/participants/p-2/notes');
  });

  it('starts with that participant even when they are past the first page of a large roster', async () => {
    await render({ role: 'supervisor', participant: 'p-9' });
    await roster(CASELOAD, { nextCursor: 'page-2' });
    page.backend.expectOne(`${PARTICIPANTS}/p-9`).flush(ORTEGA);
    await page.fixture.whenStable();
    await plan('p-9');
    expect(attendees()).toEqual(['Maria Ortega']);
    // Chosen, though not among the first page's checkboxes.
    expect(choices()).not.toContain('Maria Ortega');
    expect(page.element.querySelector('lib-attendee-picker')?.textContent).toContain('1 chosen');
  });

  it('offers to try again when the caseload cannot be loaded, and shows no units without the rule', async () => {
    await render({ rule: false });
    page.backend.expectOne((request) => request.url === PARTICIPANTS).flush(null, { status: 503, statusText: 'Unavailable' });
    await page.fixture.whenStable();
    expect(page.element.textContent).toContain('The participants could not be loaded.');
    expect(units()).toBeUndefined();
    button('Try again')?.click();
    await page.fixture.whenStable();
    await roster();
    expect(page.element.querySelectorAll('lib-attendee-picker mat-checkbox')).toHaveLength(3);
  });
});
