import { TestBed } from '@angular/core/testing';
import { PageHeader } from './page-header';

describe('PageHeader', () => {
  it('renders the page heading as the h1 and the description below it', () => {
    const fixture = TestBed.createComponent(PageHeader);
    fixture.componentRef.setInput('heading', 'Caseload');
    fixture.componentRef.setInput('description', 'The participants you support.');
    fixture.detectChanges();
    const element: HTMLElement = fixture.nativeElement;

    expect(element.querySelector('h1')?.textContent).toBe('Caseload');
    expect(element.querySelector('.description')?.textContent).toBe('The participants you support.');
  });

  it('leaves out the description paragraph when there is none', () => {
    const fixture = TestBed.createComponent(PageHeader);
    fixture.componentRef.setInput('heading', 'Admin');
    fixture.detectChanges();
    expect(fixture.nativeElement.querySelector('.description')).toBeNull();
  });
});
