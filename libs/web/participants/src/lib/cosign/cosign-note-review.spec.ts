import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CosignQueueItem } from '@waypoint/web-participant-data';
import { CosignNoteReview } from './cosign-note-review';
import { testQueueItem } from './cosign-test-data';

describe('CosignNoteReview', () => {
  let fixture: ComponentFixture<CosignNoteReview>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  async function render(overrides: Partial<CosignQueueItem> = {}) {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CosignNoteReview);
    fixture.componentRef.setInput('note', testQueueItem(overrides));
    fixture.componentRef.setInput('timeZone', 'America/Chicago');
    element = fixture.nativeElement;
    await fixture.whenStable();
    backend.expectOne('/api/v1/participants/p-1/plan').flush({ goals: [] });
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  const button = (text: string) => [...element.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.includes(text));

  it('shows the note’s sections in the format’s order, its topics, risk check and signature', async () => {
    await render({ riskConcern: true, riskDetail: 'Mentioned using again last weekend.', naloxoneProvided: true, followUpOn: '2026-11-25' });
    expect(element.querySelector('h2')?.textContent).toBe('Marcus Bell · Individual');
    expect(element.querySelector('.facts')?.textContent).toContain('By Jordan Avery');
    expect(element.querySelector('.facts')?.textContent).toContain('Nov 18, 2026, 9:00 AM');
    expect(element.querySelector('.facts')?.textContent).toContain('3 units');
    expect([...element.querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual(['Goal', 'Intervention', 'Response', 'Plan']);
    expect(element.querySelectorAll('dd')[0].textContent?.trim()).toBe('Find stable housing.');
    expect([...element.querySelectorAll('.topics li')].map((li) => li.textContent)).toEqual(['Housing', 'Mutual-aid meetings']);
    expect(element.querySelector('.concern')?.textContent).toContain('Risk concern noted: Mentioned using again last weekend.');
    expect(element.textContent).toContain('Naloxone provided');
    expect(element.textContent).toContain('Follow-up on Nov 25, 2026');
    expect(element.querySelector('.signature')?.textContent).toContain('Signed by Jordan Avery, CPRS · Nov 18, 2026, 10:05 AM');
    expect(element.textContent).toContain('Reviewed with the participant.');
    expect(element.querySelector('a.open')?.getAttribute('href')).toBe('/participants/p-1/notes/n-1');
    expect(element.querySelector('lib-note-goals')).not.toBeNull();
  });

  it('says when a section was left empty', async () => {
    await render({ contactType: 'attempted', sections: { goal: 'Check in after court.' } });
    expect(element.querySelectorAll('dd')[1].textContent?.trim()).toBe('Not written');
  });

  it('offers co-signing for a signed note, and says why it cannot be returned', async () => {
    await render();
    const cosign = jest.fn();
    fixture.componentInstance.cosign.subscribe(cosign);
    expect(button('Return with comment')).toBeUndefined();
    expect(element.textContent).toContain('A signed note cannot be returned: Jordan Avery corrects it with an addendum.');
    button('Co-sign')?.click();
    expect(cosign).toHaveBeenCalledTimes(1);
  });

  it('offers returning for a submitted note, and says why it cannot be co-signed yet', async () => {
    await render({ status: 'submitted', signedAt: null, signedByName: null, signedByCredential: null });
    const returnNote = jest.fn();
    fixture.componentInstance.returnNote.subscribe(returnNote);
    expect(button('Co-sign')).toBeUndefined();
    expect(element.querySelector('.signature')?.textContent).toContain('Submitted Nov 18, 2026, 10:00 AM CST; not signed yet.');
    expect(element.textContent).toContain('Jordan Avery has not signed this note yet; it can be co-signed once they do.');
    button('Return with comment')?.click();
    expect(returnNote).toHaveBeenCalledTimes(1);
  });

  it('holds its buttons while a command is on its way', async () => {
    await render();
    fixture.componentRef.setInput('busy', true);
    await fixture.whenStable();
    expect(button('Co-sign')?.disabled).toBe(true);
  });
});
