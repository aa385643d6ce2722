import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { PROBLEM_CONTENT_TYPE } from '@waypoint/shared-contracts';
import { testQueueItem } from './cosign-test-data';
import { ReturnNoteDialog } from './return-note-dialog';

const URL = '/api/v1/notes/n-1/return';
const problem = (status: number, detail: string) => ({
  body: { type: '/problems/conflict', title: 'Conflict', status, detail },
  options: { status, statusText: 'Refused', headers: { 'content-type': PROBLEM_CONTENT_TYPE } },
});

describe('ReturnNoteDialog', () => {
  let fixture: ComponentFixture<ReturnNoteDialog>;
  let backend: HttpTestingController;
  let element: HTMLElement;
  let close: jest.Mock;

  beforeEach(async () => {
    close = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: MAT_DIALOG_DATA, useValue: { note: testQueueItem({ status: 'submitted', version: 2 }), timeZone: 'America/Chicago' } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReturnNoteDialog);
    element = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  async function comment(value: string) {
    const textarea = element.querySelector('textarea');
    if (!textarea) throw new Error('no comment field');
    textarea.value = value;
    textarea.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }
  const submit = async () => {
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  };

  it('names the author and the session it goes back for', () => {
    expect(element.querySelector('h2')?.textContent).toBe('Return the note to Jordan Avery');
    expect(element.textContent).toContain('Marcus Bell, session of Nov 18, 2026, 9:00 AM CST.');
  });

  it('requires a comment of a few words', async () => {
    await submit();
    expect(element.textContent).toContain('Say what to fix.');
    await comment('  ok ');
    await submit();
    expect(element.textContent).toContain('Say a little more about what to fix.');
    backend.expectNone(URL);
    expect(close).not.toHaveBeenCalled();
  });

  it('returns the note with its version and the comment trimmed, and closes with the draft', async () => {
    await comment('  Add how the plan follows from his response. ');
    await submit();
    const request = backend.expectOne({ method: 'POST', url: URL });
    expect(request.request.body).toEqual({ version: 2, comment: 'Add how the plan follows from his response.' });
    request.flush({ id: 'n-1', status: 'draft', version: 3 });
    expect(close).toHaveBeenCalledWith({ returned: { id: 'n-1', status: 'draft', version: 3 } });
  });

  it('closes with the reason when the note moved meanwhile, so the queue can refresh', async () => {
    await comment('Add the plan section.');
    await submit();
    const { body, options } = problem(409, 'A signed note cannot be moved that way (it must be submitted).');
    backend.expectOne(URL).flush(body, options);
    expect(close).toHaveBeenCalledWith({ conflict: 'A signed note cannot be moved that way (it must be submitted).' });
  });

  it('keeps any other refusal in the dialog', async () => {
    await comment('Add the plan section.');
    await submit();
    const { body, options } = problem(403, 'Only the supervisor of the author’s team co-signs or returns their notes.');
    backend.expectOne(URL).flush(body, options);
    await fixture.whenStable();
    expect(close).not.toHaveBeenCalled();
    expect(element.querySelector('[role="alert"]')?.textContent).toBe('Only the supervisor of the author’s team co-signs or returns their notes.');
  });
});
