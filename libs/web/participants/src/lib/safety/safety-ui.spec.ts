import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { ParticipantRecord } from '@waypoint/web-participant-data';
import { CrisisLinesDialog } from './crisis-lines-dialog';
import { RiskBanner } from './risk-banner';

const participant: ParticipantRecord = { id: 'p-1', legalFirstName: 'Ashley', legalLastName: 'Nguyen', preferredName: null, pronouns: null, status: 'active', version: 3 };

describe('RiskBanner', () => {
  async function render(record: ParticipantRecord) {
    const fixture = TestBed.createComponent(RiskBanner);
    fixture.componentRef.setInput('participant', record);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('says why and since when a participant is flagged', async () => {
    const element = await render({ ...participant, highRisk: true, highRiskReason: 'Overdose recorded for 2026-11-12', highRiskSetAt: '2026-11-12T15:00:00Z' });
    expect(element.textContent).toContain('High risk');
    expect(element.textContent).toContain('Overdose recorded for 2026-11-12');
    expect(element.textContent).toContain('Flagged');
  });

  it('shows nothing for a participant who is not flagged', async () => {
    expect((await render({ ...participant, highRisk: false })).textContent?.trim()).toBe('');
  });
});

describe('CrisisLinesDialog', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('lists each line as a tap-to-call link', async () => {
    const fixture = TestBed.createComponent(CrisisLinesDialog);
    backend.expectOne('/api/v1/crisis-resources').flush({
      items: [
        { name: '988 Suicide & Crisis Lifeline', phone: '988', note: 'Call or text, 24/7' },
        { name: 'County mobile crisis team', phone: '555-0142' },
      ],
    });
    await fixture.whenStable();
    const links = [...(fixture.nativeElement as HTMLElement).querySelectorAll('a.call')].map((link) => link.getAttribute('href'));
    expect(links).toEqual(['tel:988', 'tel:555-0142']);
  });

  it('still gives 988 when the list cannot be loaded', async () => {
    const fixture = TestBed.createComponent(CrisisLinesDialog);
    backend.expectOne('/api/v1/crisis-resources').flush({}, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('a[href="tel:988"]')).not.toBeNull();
  });
});
