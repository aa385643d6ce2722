import { TestBed } from '@angular/core/testing';
import { PART2_NOTICE_SHORT } from '@waypoint/shared-contracts';
import { PlanPrint } from './plan-print';
import { testGoal } from './plan-test-data';

describe('PlanPrint', () => {
  async function render() {
    const fixture = TestBed.createComponent(PlanPrint);
    fixture.componentRef.setInput('participantName', 'Marcus Bell');
    fixture.componentRef.setInput('goals', [testGoal()]);
    fixture.componentRef.setInput('printedOn', '2026-03-04');
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('ends the printed plan with the Part 2 notice, word for word, and its version', async () => {
    const footer = (await render()).querySelector('.plan-print footer.plan-print-footer');
    expect(footer?.textContent?.trim()).toBe('42 CFR part 2 prohibits unauthorized use or disclosure of these records.');
    expect(footer?.getAttribute('data-notice-version')).toBe(PART2_NOTICE_SHORT.version);
  });

  it('prints the goals with the notice after them', async () => {
    const plan = (await render()).querySelector('.plan-print');
    expect(plan?.lastElementChild?.classList).toContain('plan-print-footer');
    expect(plan?.textContent).toContain(testGoal().statement);
  });
});
