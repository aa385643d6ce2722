import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ParticipantRecord } from '@waypoint/web-participant-data';
import { ParticipantContext } from './participant-context';
import { ParticipantShell } from './participant-shell';
import { participantTabId } from './participant-tab-id';

/** Stands in for the Overview: shows what the shell shares, and counts how often it is made. */
@Component({
  selector: 'lib-stub-overview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p class="stub">Overview of {{ context.participant()?.legalLastName }}</p>`,
})
class StubOverview {
  static created = 0;
  readonly context = inject(ParticipantContext);
  constructor() {
    StubOverview.created++;
  }
}

/** Stands in for a tab: shows the id the router bound. */
@Component({ selector: 'lib-stub-tab', changeDetection: ChangeDetectionStrategy.OnPush, template: `<p class="stub">Tab for {{ id() }}</p>` })
class StubTab {
  readonly id = input.required<string>();
}

const record: ParticipantRecord = { id: 'p-1', legalFirstName: 'Marcus', legalLastName: 'Bell', preferredName: null, pronouns: 'he/him', status: 'active', version: 1 };

describe('ParticipantShell', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  beforeEach(async () => {
    StubOverview.created = 0;
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideRouter(
          [
            {
              path: 'participants/:id',
              component: ParticipantShell,
              children: [
                { path: '', component: StubOverview },
                { path: 'timeline', component: StubTab, resolve: { id: participantTabId } },
                { path: 'plan', component: StubTab, resolve: { id: participantTabId } },
                { path: 'assessments', component: StubTab, resolve: { id: participantTabId } },
                { path: 'tasks', component: StubTab, resolve: { id: participantTabId } },
              ],
            },
          ],
          withComponentInputBinding(),
        ),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    backend.verify();
  });

  const element = () => harness.routeNativeElement as HTMLElement;
  const settle = () => harness.fixture.whenStable();
  const tabs = () => [...element().querySelectorAll<HTMLAnchorElement>('[role="tab"]')];
  const selectedTab = () => element().querySelector('[role="tab"][aria-selected="true"]')?.textContent?.trim();

  async function open(url: string, participant: ParticipantRecord = record) {
    await harness.navigateByUrl(url);
    backend.expectOne(`/api/v1/participants/${participant.id}`).flush(participant);
    await settle();
  }

  it('shows a spinner, then the participant’s name, the tabs and the overview', async () => {
    await harness.navigateByUrl('/participants/p-1');
    expect(element().querySelector('mat-progress-spinner')).not.toBeNull();
    expect(element().querySelector('[role="tablist"]')).toBeNull();
    backend.expectOne('/api/v1/participants/p-1').flush(record);
    await settle();

    expect(element().querySelector('h1')?.textContent).toBe('Marcus Bell');
    expect(element().querySelector('a.back')?.getAttribute('href')).toBe('/caseload');
    expect(element().querySelector('[role="tablist"]')?.getAttribute('aria-label')).toBe('Participant record');
    expect(tabs().map((tab) => [tab.textContent?.trim(), tab.getAttribute('href')])).toEqual([
      ['Overview', '/participants/p-1'],
      ['Notes', '/participants/p-1/notes'],
      ['Timeline', '/participants/p-1/timeline'],
      ['Recovery plan', '/participants/p-1/plan'],
      ['Assessments', '/participants/p-1/assessments'],
      ['Tasks', '/participants/p-1/tasks'],
    ]);
    expect(selectedTab()).toBe('Overview');
    // The tab panel holds the routed tab, which reads the record the shell loaded (no second request).
    expect(element().querySelector('[role="tabpanel"] .stub')?.textContent).toBe('Overview of Bell');
  });

  it('binds the shell’s id to a tab and marks that tab, following a new id', async () => {
    await open('/participants/p-1/timeline');
    expect(element().querySelector('.stub')?.textContent).toBe('Tab for p-1');
    expect(selectedTab()).toBe('Timeline');

    await harness.navigateByUrl('/participants/p-2/timeline');
    backend.expectOne('/api/v1/participants/p-2').flush({ ...record, id: 'p-2', legalLastName: 'Ortiz' });
    await settle();
    expect(element().querySelector('h1')?.textContent).toBe('Marcus Ortiz');
    expect(element().querySelector('.stub')?.textContent).toBe('Tab for p-2');
  });

  it('shows the high-risk banner on every tab', async () => {
    await open('/participants/p-1/tasks', { ...record, highRisk: true, highRiskReason: 'Overdose recorded for 2026-11-12', highRiskSetAt: '2026-11-12T15:00:00Z' });
    expect(element().querySelector('[role="note"]')?.textContent).toContain('Overdose recorded for 2026-11-12');
    expect(selectedTab()).toBe('Tasks');
  });

  it('keeps the crisis lines one click away', async () => {
    await open('/participants/p-1/plan');
    const button = [...element().querySelectorAll('button')].find((candidate) => candidate.textContent?.includes('Crisis lines'));
    button?.click();
    await settle();
    backend.expectOne('/api/v1/crisis-resources').flush({ items: [{ name: '988 Suicide & Crisis Lifeline', phone: '988' }] });
    await settle();
    expect(document.querySelector('lib-crisis-lines-dialog a[href="tel:988"]')).not.toBeNull();
  });

  it('shows a change a tab made, and keeps the tab in place while the record is read again', async () => {
    await open('/participants/p-1');
    const context = harness.routeDebugElement?.query((node) => node.componentInstance instanceof StubOverview)?.componentInstance.context as ParticipantContext;
    context.replace({ ...record, status: 'inactive', version: 2 });
    await settle();
    expect(element().querySelector('.badge')?.textContent).toBe('Inactive');

    context.reload();
    await settle();
    expect(element().querySelector('.stub')).not.toBeNull();
    backend.expectOne('/api/v1/participants/p-1').flush({ ...record, status: 'discharged', version: 3 });
    await settle();
    expect(element().querySelector('.badge')?.textContent).toBe('Discharged');
    expect(StubOverview.created).toBe(1);
  });

  it('says the participant is not in the caseload on a 404, without tabs', async () => {
    await harness.navigateByUrl('/participants/p-1');
    backend.expectOne('/api/v1/participants/p-1').flush(null, { status: 404, statusText: 'Not Found' });
    await settle();
    expect(element().textContent).toContain('This participant is not in your caseload');
    expect(element().querySelector('[role="tablist"]')).toBeNull();
    expect(element().querySelector('.stub')).toBeNull();
  });

  it('offers a retry when loading fails', async () => {
    await harness.navigateByUrl('/participants/p-1');
    backend.expectOne('/api/v1/participants/p-1').flush(null, { status: 503, statusText: 'Unavailable' });
    await settle();
    expect(element().textContent).toContain('The participant could not be loaded');
    [...element().querySelectorAll('button')].find((button) => button.textContent?.includes('Try again'))?.click();
    await settle();
    backend.expectOne('/api/v1/participants/p-1').flush(record);
    await settle();
    expect(element().querySelector('h1')?.textContent).toBe('Marcus Bell');
  });
});
