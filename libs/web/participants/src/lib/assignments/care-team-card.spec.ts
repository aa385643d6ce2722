import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { SessionStore } from '@waypoint/web-auth';
import type { CareAssignment } from '@waypoint/web-participant-data';
import type { CardNotice } from '../safety/safety-events-card';
import { CareTeamCard } from './care-team-card';

const URL = '/api/v1/participants/p-1/assignments';
const assignment = (overrides: Partial<CareAssignment>): CareAssignment => ({
  id: 'a-1',
  specialistId: 'u-1',
  specialistName: 'Jordan Avery',
  kind: 'primary',
  startsOn: '2026-01-05',
  endsOn: null,
  current: true,
  ...overrides,
});

const history: CareAssignment[] = [
  assignment({ id: 'a-4', specialistId: 'u-3', specialistName: 'Sam Okafor', startsOn: '2026-12-01', current: false }),
  assignment({ id: 'a-3', specialistId: 'u-2', specialistName: 'Maria Delgado', kind: 'secondary', startsOn: '2026-06-01' }),
  assignment({ id: 'a-2', endsOn: '2026-12-01' }),
  assignment({ id: 'a-1', specialistId: 'u-9', specialistName: 'Lee Park', startsOn: '2025-09-01', endsOn: '2026-01-05', current: false }),
];

describe('CareTeamCard', () => {
  let fixture: ComponentFixture<CareTeamCard>;
  let backend: HttpTestingController;
  let element: HTMLElement;
  let said: CardNotice[];

  async function render(canAssign: boolean) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: SessionStore, useValue: { user: signal({ timeZone: 'America/Chicago' }) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CareTeamCard);
    fixture.componentRef.setInput('participantId', 'p-1');
    fixture.componentRef.setInput('canAssign', canAssign);
    said = [];
    fixture.componentInstance.said.subscribe((notice) => said.push(notice));
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    backend.verify();
  });

  const button = (label: string) => [...element.querySelectorAll('button')].find((candidate) => candidate.textContent?.includes(label));
  const terms = () => [...element.querySelectorAll('dt')].map((term) => [term.textContent?.trim(), term.nextElementSibling?.textContent?.replace(/\s+/g, ' ').trim()]);

  it('shows today’s primary and secondary specialists and a scheduled transfer', async () => {
    await render(false);
    expect(element.querySelector('mat-progress-spinner')).not.toBeNull();
    backend.expectOne(URL).flush({ items: history });
    await fixture.whenStable();
    expect(terms()).toEqual([
      ['Primary', 'Jordan Avery since Jan 5, 2026'],
      ['Secondary', 'Maria Delgado since Jun 1, 2026'],
      ['From Dec 1, 2026', 'Sam Okafor (Primary)'],
    ]);
    expect(button('Assign / transfer')).toBeUndefined();
  });

  it('says when no one carries the participant yet', async () => {
    await render(false);
    backend.expectOne(URL).flush({ items: [] });
    await fixture.whenStable();
    expect(terms()).toEqual([['Primary', 'No one yet']]);
    expect(button('Show history')).toBeUndefined();
  });

  it('shows the whole history on request, and says whether it is shown', async () => {
    await render(false);
    backend.expectOne(URL).flush({ items: history });
    await fixture.whenStable();
    const list = element.querySelector<HTMLElement>('#care-team-history');
    const toggle = button('Show history (4)');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    expect(toggle?.getAttribute('aria-controls')).toBe('care-team-history');
    expect(list?.hidden).toBe(true);

    toggle?.click();
    await fixture.whenStable();
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    expect(toggle?.textContent).toContain('Hide history');
    expect(list?.hidden).toBe(false);
    const rows = [...(list?.querySelectorAll('li') ?? [])].map((row) => row.textContent?.replace(/\s+/g, ' ').trim());
    expect(rows).toEqual([
      'Sam Okafor Primary · from Dec 1, 2026',
      'Maria Delgado Secondary · from Jun 1, 2026',
      'Jordan Avery Primary · Jan 5, 2026 to Dec 1, 2026',
      'Lee Park Primary · Sep 1, 2025 to Jan 5, 2026',
    ]);
  });

  it('explains a failure in place and tries again', async () => {
    await render(true);
    backend.expectOne(URL).flush(null, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')?.textContent).toBe('The care team could not be loaded.');
    expect(button('Assign / transfer')).toBeUndefined();
    button('Try again')?.click();
    await fixture.whenStable();
    backend.expectOne(URL).flush({ items: [assignment({})] });
    await fixture.whenStable();
    expect(terms()[0]).toEqual(['Primary', 'Jordan Avery since Jan 5, 2026']);
  });

  it('lets a supervisor transfer the participant and shows the new history', async () => {
    await render(true);
    backend.expectOne(URL).flush({ items: [assignment({})] });
    await fixture.whenStable();
    button('Assign / transfer')?.click();
    await fixture.whenStable();
    const dialog = document.querySelector('lib-assign-dialog');
    if (!dialog) throw new Error('the dialog did not open');
    backend.expectOne('/api/v1/care-team/specialists').flush({
      items: [
        { id: 'u-1', displayName: 'Jordan Avery', teamName: 'North', caseloadSize: 12 },
        { id: 'u-3', displayName: 'Sam Okafor', teamName: 'North', caseloadSize: 8 },
      ],
    });
    await fixture.whenStable();
    dialog.querySelector<HTMLElement>('mat-select[formcontrolname="primary"] .mat-mdc-select-trigger')?.click();
    await fixture.whenStable();
    [...document.querySelectorAll<HTMLElement>('mat-option')].find((option) => option.textContent?.includes('Sam Okafor'))?.click();
    await fixture.whenStable();
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();

    const request = backend.expectOne({ method: 'POST', url: URL });
    expect(request.request.body).toMatchObject({ specialistId: 'u-3', kind: 'primary' });
    request.flush({ items: [assignment({ id: 'a-2', specialistId: 'u-3', specialistName: 'Sam Okafor', startsOn: '2026-11-20' }), assignment({ endsOn: '2026-11-20', current: false })] });
    await fixture.whenStable();
    expect(terms()[0]).toEqual(['Primary', 'Sam Okafor since Nov 20, 2026']);
    expect(said).toEqual([{ text: 'Care team updated.' }]);
  });
});
