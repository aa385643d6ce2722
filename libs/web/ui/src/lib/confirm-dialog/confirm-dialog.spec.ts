import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { confirmAction } from './confirm-dialog';

describe('confirmAction', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }] });
  });

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  function open(destructive = true) {
    const answers: (boolean | undefined)[] = [];
    confirmAction(TestBed.inject(MatDialog), {
      title: 'Disable Sam?',
      message: 'They will be signed out.',
      confirmLabel: 'Disable',
      destructive,
    }).subscribe((answer) => answers.push(answer));
    TestBed.tick();
    return answers;
  }

  /** Closing settles on a later task, even without animations. */
  const closed = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  };
  const buttons = () => [...document.querySelectorAll<HTMLButtonElement>('lib-confirm-dialog button')];

  it('asks with a title, a message, Cancel and a verb, as an alert dialog', () => {
    open();
    expect(document.querySelector('lib-confirm-dialog h2')?.textContent).toBe('Disable Sam?');
    expect(buttons().map((button) => button.textContent?.trim())).toEqual(['Cancel', 'Disable']);
    expect(buttons()[1].classList).toContain('destructive');
    expect(document.querySelector('[role="alertdialog"]')).not.toBeNull();
  });

  it('answers true only when confirmed', async () => {
    const confirmed = open();
    buttons()[1].click();
    await closed();
    expect(confirmed).toEqual([true]);

    const cancelled = open(false);
    buttons()[0].click();
    await closed();
    expect(cancelled).toEqual([false]);
  });
});
