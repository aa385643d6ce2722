import { TestBed } from '@angular/core/testing';
import { RiskBadge } from './risk-badge';

describe('RiskBadge', () => {
  async function render(highRisk: boolean, reason: string | null = null) {
    const fixture = TestBed.createComponent(RiskBadge);
    fixture.componentRef.setInput('highRisk', highRisk);
    fixture.componentRef.setInput('reason', reason);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('says "High risk" in words, with the reason as its title', async () => {
    const element = await render(true, 'Overdose recorded for 2026-11-20');
    expect(element.textContent).toContain('High risk');
    expect(element.querySelector('.risk')?.getAttribute('title')).toBe('Overdose recorded for 2026-11-20');
  });

  it('renders nothing when the participant is not flagged', async () => {
    expect((await render(false)).textContent?.trim()).toBe('');
  });
});
