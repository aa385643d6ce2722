import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ParticipantPage } from './participant-page';

describe('ParticipantPage', () => {
  let fixture: ComponentFixture<ParticipantPage>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ParticipantPage);
    fixture.componentRef.setInput('id', 'p-1');
    element = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  const record = { id: 'p-1', legalFirstName: 'Marcus', legalLastName: 'Bell', preferredName: null, pronouns: 'he/him', status: 'active', version: 1 };

  it('shows a spinner, then the participant', async () => {
    expect(element.querySelector('mat-progress-spinner')).not.toBeNull();
    backend.expectOne('/api/v1/participants/p-1').flush(record);
    await fixture.whenStable();
    expect(element.querySelector('h1')?.textContent).toBe('Marcus Bell');
    expect(element.querySelector('mat-progress-spinner')).toBeNull();
  });

  it('says the participant is not in the caseload on a 404, and follows a new id', async () => {
    backend.expectOne('/api/v1/participants/p-1').flush(null, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
    expect(element.textContent).toContain('This participant is not in your caseload');
    fixture.componentRef.setInput('id', 'p-2');
    await fixture.whenStable();
    backend.expectOne('/api/v1/participants/p-2').flush({ ...record, id: 'p-2', legalLastName: 'Ortiz' });
    await fixture.whenStable();
    expect(element.querySelector('h1')?.textContent).toBe('Marcus Ortiz');
  });

  it('offers a retry when loading fails', async () => {
    backend.expectOne('/api/v1/participants/p-1').flush(null, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    [...element.querySelectorAll('button')].find((button) => button.textContent?.includes('Try again'))?.click();
    await fixture.whenStable();
    backend.expectOne('/api/v1/participants/p-1').flush(record);
    await fixture.whenStable();
    expect(element.querySelector('h1')?.textContent).toBe('Marcus Bell');
  });
});
