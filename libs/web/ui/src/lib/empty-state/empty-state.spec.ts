import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { EmptyState } from './empty-state';

@Component({
  imports: [EmptyState],
  template: `
    <lib-empty-state icon="groups" heading="No participants yet">
      Your participants will appear here.
      <button emptyStateActions type="button">Add</button>
    </lib-empty-state>
  `,
})
class Host {}

describe('EmptyState', () => {
  it('shows the heading, the message, a decorative icon and the actions', () => {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const element: HTMLElement = fixture.nativeElement;

    expect(element.querySelector('h2')?.textContent?.trim()).toBe('No participants yet');
    expect(element.querySelector('.message')?.textContent?.trim()).toBe('Your participants will appear here.');
    const icon = element.querySelector('mat-icon');
    expect(icon?.textContent?.trim()).toBe('groups');
    expect(icon?.closest('[aria-hidden="true"]')).not.toBeNull();
    expect(element.querySelector('.actions button')?.textContent).toBe('Add');
  });
});
