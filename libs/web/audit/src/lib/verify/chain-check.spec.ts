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

  it('says the chain is intact, with the rows checked and the head hash', async () => {
    await verify({ ok: true, checked: 12345, fromId: 1, throughId: 12345, headHash: '9f86d081884c7d659a2feaa0c55ad015' });
    const status = element.querySelector('[role="status"]');
    expect(status?.textContent).toContain('The chain is intact.');
    expect(status?.textContent).toContain('12,345 rows checked, from row 1 to row 12,345.');
    expect(status?.textContent).toContain('Head hash: 9f86d081884c7d659a2feaa0c55ad015');
    expect(status?.querySelector('code')?.textContent).toBe('9f86d081884c7d659a2feaa0c55ad015');
    expect(element.querySelector('[role="alert"]')).toBeNull();
    expect(element.querySelector('button.verify')?.textContent).toContain('Verify chain');
  });

  it('names the first broken row in an alert', async () => {
    await verify({ ok: false, checked: 41, fromId: 1, throughId: 41, headHash: 'ab', firstBrokenId: 42, problem: 'hash does not match the row' });
    const alert = element.querySelector('[role="alert"].broken');
    expect(alert?.textContent).toContain('The chain is broken at row 42.');
    expect(alert?.textContent).toContain('hash does not match the row');
    expect(element.querySelector('.intact')).toBeNull();
  });

  it('says when the check could not be run, and can run again', async () => {
    await verify('fail');
    expect(element.querySelector('[role="status"]')?.textContent).toContain('The check could not be run.');
    await verify({ ok: true, checked: 0, fromId: 42, throughId: 42, headHash: 'ab' });
    expect(element.querySelector('[role="status"]')?.textContent).toContain('The chain is intact.');
  });
});
