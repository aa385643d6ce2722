import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { SubstancesField } from './substances-field';

@Component({
  imports: [SubstancesField],
  template: `<lib-substances-field [control]="control" />`,
})
class Host {
  readonly control = new FormControl<string[]>(['alcohol'], { nonNullable: true });
}

describe('SubstancesField', () => {
  it('suggests common substances, takes others as typed, and removes chips', async () => {
    TestBed.configureTestingModule({ providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }] });
    const fixture = TestBed.createComponent(Host);
    const element: HTMLElement = fixture.nativeElement;
    await fixture.whenStable();
    const chips = () => [...element.querySelectorAll('mat-chip-row')].map((chip) => chip.textContent?.replace('cancel', '').trim());
    expect(chips()).toEqual(['Alcohol']);

    const input = element.querySelector<HTMLInputElement>('input');
    if (!input) throw new Error('no input');
    input.focus();
    input.value = 'opi';
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    const options = [...document.querySelectorAll<HTMLElement>('mat-option')];
    expect(options.map((option) => option.textContent?.trim())).toEqual(['Opioids']);
    options[0].click();
    await fixture.whenStable();

    input.value = '  Kratom ';
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13 }));
    await fixture.whenStable();
    expect(fixture.componentInstance.control.value).toEqual(['alcohol', 'opioids', 'kratom']);
    expect(chips()).toEqual(['Alcohol', 'Opioids', 'Kratom']);

    element.querySelector<HTMLButtonElement>('button[aria-label="Remove Opioids"]')?.click();
    await fixture.whenStable();
    expect(fixture.componentInstance.control.value).toEqual(['alcohol', 'kratom']);
  });
});
