import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { ChainVerification } from '@waypoint/web-audit-data';
import { ChainCheck } from './chain-check';

describe('ChainCheck', () => {
  let fixture: ComponentFixture<ChainCheck>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ChainCheck);
    element = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  const verify = async (answer: ChainVerification | 'fail') => {
    element.querySelector<HTMLButtonElement>('button.verify')?.click();
    await fixture.whenStable();
    expect(element.querySelector('button.verify')?.textContent).toContain('Verifying…');
    expect(element.querySelector('button.verify')?.getAttribute('aria-disabled')).toBe('true');
    const request = backend.expectOne('/api/v1/audit/verify');
    expect(request.request.method).toBe('POST');
    if (answer === 'fail') request.flush(null, { status: 503, statusText: 'Unavailable' });
    else request.flush(answer);
    await fixture.whenStable();
  };

  it('says the chain is intact, with the program’s own figures and nothing instance-wide', async () => {
    await verify({ ok: true, full: false, checked: 12, total: 12345 });
    const status = element.querySelector('[role="status"]');
    expect(status?.textContent).toContain('The chain is intact.');
    expect(status?.textContent?.replace(/\s+/g, ' ')).toContain('12 new events of your program checked since the last check; 12,345 in the trail.');
    expect(status?.textContent).not.toMatch(/row|hash/i);
    expect(element.querySelector('[role="alert"]')).toBeNull();
    expect(element.querySelector('button.verify')?.textContent).toContain('Verify chain');
  });

  it('names the first broken row in an alert', async () => {
    await verify({ ok: false, full: true, checked: 41, total: 60, firstBrokenId: 42, problem: 'hash does not match the row' });
    const alert = element.querySelector('[role="alert"].broken');
    expect(alert?.textContent).toContain('The chain is broken at row 42.');
    expect(alert?.textContent).toContain('hash does not match the row');
    expect(alert?.textContent?.replace(/\s+/g, ' ')).toContain('41 events of your program checked, of 60 in the trail.');
    expect(element.querySelector('.intact')).toBeNull();
  });

  it('says when the check could not be run, and can run again', async () => {
    await verify('fail');
    expect(element.querySelector('[role="status"]')?.textContent).toContain('The check could not be run.');
    await verify({ ok: true, full: false, checked: 0, total: 42 });
    expect(element.querySelector('[role="status"]')?.textContent).toContain('The chain is intact.');
    expect(element.querySelector('[role="status"]')?.textContent).toContain('No new events of your program since the last check');
  });
});
