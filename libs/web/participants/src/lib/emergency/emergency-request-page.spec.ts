import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { PROBLEM_CONTENT_TYPE } from '@waypoint/shared-contracts';
import { SessionStore } from '@waypoint/web-auth';
import { EmergencyRequestPage } from './emergency-request-page';

describe('EmergencyRequestPage', () => {
  let fixture: ComponentFixture<EmergencyRequestPage>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: SessionStore, useValue: { can: () => true } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(EmergencyRequestPage);
    element = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  async function type(selector: string, value: string) {
    const input = element.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
    if (!input) throw new Error(`no ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  const submit = async () => {
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  };

  it('says what happens before anyone asks, and links reviewers to the review list', () => {
    expect(element.textContent).toContain('Your name, the reason and everything you open are recorded.');
    expect(element.querySelector('a[href="/emergency-access/reviews"]')).not.toBeNull();
  });

  it('asks for the identity and a reason before sending anything', async () => {
    await submit();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain("Enter the participant's last name and date of birth.");
    await type('[formcontrolname="lastName"]', 'Castillo');
    await type('[formcontrolname="dateOfBirth"]', '1979-11-02');
    await type('[formcontrolname="reason"]', 'urgent');
    await submit();
    expect(element.textContent).toContain('Give the reason in at least 10 characters.');
    backend.expectNone('/api/v1/break-glass');
  });

  it('requests access by name and birthday, then opens the record and refreshes the banner', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await type('[formcontrolname="lastName"]', ' Castillo ');
    await type('[formcontrolname="dateOfBirth"]', '1979-11-02');
    await type('[formcontrolname="reason"]', 'Arrived in crisis; specialist unreachable.');
    await submit();
    const request = backend.expectOne('/api/v1/break-glass');
    expect(request.request.body).toEqual({ lastName: 'Castillo', dateOfBirth: '1979-11-02', reason: 'Arrived in crisis; specialist unreachable.' });
    request.flush({ id: 'g-1', participantId: 'p-1', grantedAt: '2026-11-21T10:00:00Z', expiresAt: '2026-11-21T11:00:00Z' }, { status: 201, statusText: 'Created' });
    backend.expectOne('/api/v1/break-glass/active').flush([]);
    expect(navigate).toHaveBeenCalledWith(['/emergency-access/participants', 'p-1']);
  });

  it('shows the server’s explanation when several people match', async () => {
    await type('[formcontrolname="lastName"]', 'Garcia');
    await type('[formcontrolname="dateOfBirth"]', '2000-01-01');
    await type('[formcontrolname="reason"]', 'Arrived in crisis; specialist unreachable.');
    await submit();
    backend.expectOne('/api/v1/break-glass').flush(
      { type: 'about:blank', title: 'Conflict', status: 409, detail: 'More than one participant matches. Add the first name.' },
      { status: 409, statusText: 'Conflict', headers: { 'content-type': PROBLEM_CONTENT_TYPE } },
    );
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('More than one participant matches. Add the first name.');
  });
});
