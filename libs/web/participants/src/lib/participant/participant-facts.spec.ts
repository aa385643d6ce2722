import { TestBed } from '@angular/core/testing';
import type { ParticipantRecord } from '@waypoint/web-participant-data';
import { ParticipantFacts } from './participant-facts';

const base: ParticipantRecord = {
  id: 'p-1',
  legalFirstName: 'Danielle',
  legalLastName: 'Ortiz',
  preferredName: 'Dani',
  pronouns: 'she/her',
  status: 'active',
  version: 1,
  dateOfBirth: '1995-07-02',
  phone: '(312) 555-0101',
  email: null,
  preferredContactMethod: 'text',
  okToText: true,
  part2Protected: true,
};

describe('ParticipantFacts', () => {
  async function render(participant: ParticipantRecord, identity = true): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(ParticipantFacts);
    fixture.componentRef.setInput('participant', participant);
    fixture.componentRef.setInput('identity', identity);
    await fixture.whenStable();
    return fixture.nativeElement;
  }

  it('shows the care team the whole record, in words', async () => {
    const element = await render({ ...base, recoveryPathways: ['smart_recovery', 'mat'], primarySubstances: ['alcohol'], enrolledOn: '2026-10-01' });
    expect(element.querySelector('h1')?.textContent).toBe('Dani Ortiz');
    expect(element.textContent).toContain('Legal name: Danielle Ortiz');
    expect(element.textContent).toContain('Protected under 42 CFR Part 2');
    expect(element.querySelector('a[href="tel:(312) 555-0101"]')).not.toBeNull();
    expect(element.textContent).toContain('OK to text');
    expect([...element.querySelectorAll('.chip')].map((chip) => chip.textContent)).toEqual(['SMART Recovery', 'Medication for OUD/AUD', 'Alcohol']);
    // A calendar date stays on its day whatever the time zone.
    expect(element.textContent).toMatch(/Jul 2, 1995|2 Jul 1995/);
  });

  it('shows the discharge, the referral source and the emergency contact when recorded', async () => {
    const element = await render({
      ...base,
      status: 'discharged',
      recoveryPathways: [],
      primarySubstances: [],
      dischargedOn: '2026-11-02',
      dischargeReason: 'Moved out of state',
      referralSource: 'County hospital ED',
      emergencyContactName: 'Casey Ortiz',
      emergencyContactPhone: '(312) 555-0199',
      emergencyContactRelationship: 'sister',
    });
    expect(element.textContent).toContain('Discharge reason');
    expect(element.textContent).toContain('Moved out of state');
    expect(element.textContent).toContain('County hospital ED');
    const emergency = element.querySelector('[aria-labelledby="emergency-contact-heading"]');
    expect(emergency?.textContent).toContain('Casey Ortiz');
    expect(emergency?.textContent).toContain('(sister)');
    expect(emergency?.querySelector('a[href="tel:(312) 555-0199"]')).not.toBeNull();
  });

  it('leaves out the recovery section when the API sent no recovery details', async () => {
    const element = await render(base);
    expect(element.querySelector('#recovery-heading')).toBeNull();
    expect(element.querySelector('#contact-heading')).not.toBeNull();
    expect(element.querySelector('#emergency-contact-heading')).toBeNull();
  });

  it('leaves who they are to the page when asked to (the participant shell shows it above the tabs)', async () => {
    const element = await render(base, false);
    expect(element.querySelector('h1')).toBeNull();
    expect(element.textContent).not.toContain('Protected under 42 CFR Part 2');
    expect(element.querySelector('#contact-heading')).not.toBeNull();
  });
});
