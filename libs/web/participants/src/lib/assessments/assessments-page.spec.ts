import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { type Permission, ROLE_PERMISSIONS } from '@waypoint/shared-contracts';
import { SessionStore } from '@waypoint/web-auth';
import type { AssessmentRecord } from '@waypoint/web-participant-data';
import { AssessmentTrendChart } from './assessment-trend-chart';
import { AssessmentsPage } from './assessments-page';

/** jsdom has no canvas: the chart is replaced by a stand-in that shows what it was given. */
@Component({ selector: 'lib-assessment-trend-chart', template: `{{ history().length }} points`, changeDetection: ChangeDetectionStrategy.OnPush })
class ChartStandIn {
  readonly history = input.required<readonly AssessmentRecord[]>();
}

const assessment = (id: string, takenOn: string, answers: number[]): AssessmentRecord => ({
  id,
  kind: 'barc10',
  takenOn,
  answers,
  total: answers.reduce((sum, answer) => sum + answer, 0),
  notes: null,
  recordedById: 'u-1',
  recordedByName: 'Jordan Rivera',
  createdAt: `${takenOn}T15:00:00Z`,
  version: 1,
});

describe('AssessmentsPage', () => {
  let fixture: ComponentFixture<AssessmentsPage>;
  let backend: HttpTestingController;
  let element: HTMLElement;
  const participant = { id: 'p-1', legalFirstName: 'Marcus', legalLastName: 'Bell', preferredName: null, status: 'active', version: 1 };

  async function render(permissions: readonly Permission[], history: AssessmentRecord[]) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: SessionStore, useValue: { can: (permission: Permission) => permissions.includes(permission), user: signal(null) } },
      ],
    });
    TestBed.overrideComponent(AssessmentsPage, { remove: { imports: [AssessmentTrendChart] }, add: { imports: [ChartStandIn] } });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AssessmentsPage);
    fixture.componentRef.setInput('id', 'p-1');
    element = fixture.nativeElement;
    await fixture.whenStable();
    backend.expectOne('/api/v1/participants/p-1').flush(participant);
    backend.expectOne('/api/v1/participants/p-1/assessments').flush({ items: history, truncated: false });
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  it('invites the first assessment when there is none', async () => {
    await render(ROLE_PERMISSIONS.specialist, []);
    expect(element.textContent).toContain('No assessments yet');
    expect(element.querySelector('a[href="/participants/p-1/assessments/new"]')).not.toBeNull();
    expect(element.querySelector('lib-assessment-trend-chart')).toBeNull();
  });

  it('charts the history, lists it newest first and compares the latest two, item by item', async () => {
    const history = [
      assessment('a-3', '2025-09-01', [5, 5, 5, 5, 5, 5, 5, 5, 5, 5]),
      assessment('a-2', '2025-06-01', [4, 5, 6, 5, 5, 5, 5, 5, 5, 5]),
      assessment('a-1', '2025-03-01', [2, 2, 2, 2, 2, 2, 2, 2, 2, 2]),
    ];
    await render(ROLE_PERMISSIONS.specialist, history);
    expect(element.querySelector('h1')?.textContent).toBe('Recovery capital');
    expect(element.textContent).toContain('Marcus Bell');
    expect(element.querySelector('lib-assessment-trend-chart')?.textContent).toBe('3 points');
    const rows = [...element.querySelectorAll('table.history tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim()));
    expect(rows).toEqual([
      ['Sep 1, 2025', '50, at or above 47', 'Jordan Rivera'],
      ['Jun 1, 2025', '50, at or above 47', 'Jordan Rivera'],
      ['Mar 1, 2025', '20', 'Jordan Rivera'],
    ]);
    const changes = [...element.querySelectorAll('table.compare tbody tr')].map((row) => row.className);
    expect(changes).toEqual(['up', 'same', 'down', 'same', 'same', 'same', 'same', 'same', 'same', 'same']);
    expect(element.querySelector('table.compare tbody tr.down')?.textContent).toContain('Down');
    expect(element.querySelector('table.compare tfoot')?.textContent).toContain('0');
  });

  it('hides recording from someone who may only read', async () => {
    await render(['participants:read'], [assessment('a-1', '2025-03-01', [2, 2, 2, 2, 2, 2, 2, 2, 2, 2])]);
    expect(element.textContent).not.toContain('Record a BARC-10');
    expect(element.querySelector('a[href="/participants/p-1/assessments/new"]')).toBeNull();
    expect(element.querySelector('table.compare')).toBeNull();
  });
});
