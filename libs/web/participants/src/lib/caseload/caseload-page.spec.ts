import { BreakpointObserver } from '@angular/cdk/layout';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Permission } from '@waypoint/shared-contracts';
import { SessionStore } from '@waypoint/web-auth';
import type { CaseloadRow } from '@waypoint/web-participant-data';
import { of } from 'rxjs';
import { CaseloadPage } from './caseload-page';

function participant(id: string, overrides: Partial<CaseloadRow> = {}): CaseloadRow {
  return { id, legalFirstName: 'Marcus', legalLastName: `Bell ${id}`, preferredName: null, pronouns: 'he/him', status: 'active', version: 1, ...overrides };
}

describe('CaseloadPage', () => {
  let fixture: ComponentFixture<CaseloadPage>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  async function render(phone: boolean, permissions: readonly Permission[] = ['participants:read']) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: SessionStore, useValue: { can: (permission: Permission) => permissions.includes(permission) } },
        { provide: BreakpointObserver, useValue: { observe: () => of({ matches: phone, breakpoints: {} }), isMatched: () => phone } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CaseloadPage);
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  const flush = async (items: CaseloadRow[], nextCursor: string | null = null, url = '/api/v1/participants?limit=25') => {
    backend.expectOne(url).flush({ items, nextCursor });
    await fixture.whenStable();
  };

  afterEach(() => backend.verify());

  it('shows a spinner, then a table of participants that link to their records', async () => {
    await render(false);
    expect(element.querySelector('mat-progress-spinner')).not.toBeNull();
    await flush([participant('1', { preferredName: 'Marc' }), participant('2', { status: 'referred' })]);
    const links = [...element.querySelectorAll<HTMLAnchorElement>('td a')];
    expect(links.map((link) => link.textContent?.trim())).toEqual(['Marc Bell 1', 'Marcus Bell 2']);
    expect(links[0].getAttribute('href')).toBe('/participants/1');
    expect(element.textContent).toContain('Legal name: Marcus Bell 1');
    expect(element.querySelector('.badge.referred')?.textContent).toBe('Referred');
  });

  it('shows the next follow-up (overdue in words), open goals, the latest BARC-10 and the risk flag', async () => {
    await render(false);
    await flush([
      { ...participant('1'), nextFollowUp: '2020-01-02', openGoals: 2, latestBarc: 48, highRisk: true },
      { ...participant('2'), nextFollowUp: null, openGoals: 0, latestBarc: null },
    ]);
    const [first, second] = [...element.querySelectorAll('tr[mat-row]')].map((row) => row.textContent ?? '');
    expect(first).toContain('Overdue:');
    expect(first).toContain('High risk');
    expect(first).toContain('48');
    expect(second).toContain('None set');
    expect(second).toContain('Not yet');
    expect(second).not.toContain('High risk');
  });

  it('searches after a pause in typing and narrows to the flagged, starting again from page one', async () => {
    await render(false);
    await flush([participant('1')]);
    const input = element.querySelector<HTMLInputElement>('input[type="search"]');
    if (!input) throw new Error('no search field');
    input.value = 'bel';
    input.dispatchEvent(new Event('input'));
    backend.expectNone((r) => r.params.has('search'));
    await new Promise((resolve) => setTimeout(resolve, 350));
    await flush([participant('1')], null, '/api/v1/participants?limit=25&search=bel');
    element.querySelector<HTMLElement>('mat-chip-option .mat-mdc-chip-action')?.click();
    await fixture.whenStable();
    await flush([], null, '/api/v1/participants?limit=25&search=bel&risk=high');
    expect(element.textContent).toContain('Nobody matches');
  });

  it('offers intake only to those who may write participants', async () => {
    await render(false, ['participants:read', 'participants:write']);
    await flush([]);
    expect(element.querySelector('lib-page-header a[href="/participants/new"]')?.textContent).toContain('New participant');

    fixture.destroy();
    TestBed.resetTestingModule();
    await render(false);
    await flush([]);
    expect(element.querySelector('a[href="/participants/new"]')).toBeNull();
  });

  it('uses cards on a phone', async () => {
    await render(true);
    await flush([participant('1')]);
    expect(element.querySelector('table')).toBeNull();
    expect(element.querySelector('a.card')?.getAttribute('href')).toBe('/participants/1');
  });

  it('loads the next page with the cursor and appends it', async () => {
    await render(false);
    await flush([participant('1')], 'next-page');
    const more = [...element.querySelectorAll('button')].find((button) => button.textContent?.includes('Load more'));
    more?.click();
    await flush([participant('2')], null, '/api/v1/participants?limit=25&cursor=next-page');
    expect(element.querySelectorAll('td a')).toHaveLength(2);
    expect([...element.querySelectorAll('button')].some((button) => button.textContent?.includes('Load more'))).toBe(false);
  });

  it('explains an empty caseload and offers a retry when loading fails', async () => {
    await render(false);
    await flush([]);
    expect(element.textContent).toContain('No participants yet');

    backend.verify();
    fixture.destroy();
    TestBed.resetTestingModule();
    await render(false);
    backend.expectOne('/api/v1/participants?limit=25').flush(null, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    expect(element.textContent).toContain('Your caseload could not be loaded');
    [...element.querySelectorAll('button')].find((button) => button.textContent?.includes('Try again'))?.click();
    await flush([participant('1')]);
    expect(element.querySelectorAll('td a')).toHaveLength(1);
  });
});
