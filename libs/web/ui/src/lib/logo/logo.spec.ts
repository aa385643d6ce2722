import { TestBed } from '@angular/core/testing';
import { Logo } from './logo';

describe('Logo', () => {
  function render(inputs: { size?: number; label?: string } = {}): SVGElement {
    const fixture = TestBed.createComponent(Logo);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    fixture.detectChanges();
    return fixture.nativeElement.querySelector('svg');
  }

  it('is hidden from assistive technology when the product name is written beside it', () => {
    const svg = render();
    expect(svg.getAttribute('aria-hidden')).toBe('true');
    expect(svg.hasAttribute('role')).toBe(false);
    expect(svg.hasAttribute('aria-label')).toBe(false);
  });

  it('is an image with a name when given a label', () => {
    const svg = render({ label: 'Waypoint' });
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Waypoint');
    expect(svg.hasAttribute('aria-hidden')).toBe(false);
  });

  it('renders at the requested size', () => {
    const svg = render({ size: 48 });
    expect(svg.getAttribute('width')).toBe('48');
    expect(svg.getAttribute('height')).toBe('48');
  });
});
