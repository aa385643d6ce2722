import { TestBed } from '@angular/core/testing';
import type { ParticipantRecord } from '@waypoint/web-participant-data';
import { PROGRAM_TIME_ZONE } from '@waypoint/web-clock';
import { RiskBanner } from '../safety/risk-banner';
import { CaseloadNextTask } from './caseload-next-task';
import { LastContact } from './last-contact';

/**
 * Calendar days on screen are the program's, as the API's are: at 7:30 pm in Chicago the
 * browser here (UTC) is already on tomorrow, and must not call today's follow-up overdue.
 */
describe('the program clock on screen', () => {
  // 01:30 UTC on Dec 8 is 7:30 pm on Dec 7 in Chicago.
  const NOW = new Date('2026-12-08T01:30:00Z');

  beforeEach(() => {
    // Only the clock is faked; Angular's own timers keep running.
    jest.useFakeTimers({ now: NOW, doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'hrtime', 'performance'] });
    TestBed.configureTestingModule({ providers: [{ provide: PROGRAM_TIME_ZONE, useValue: () => 'America/Chicago' }] });
  });

  afterEach(() => jest.useRealTimers());

  async function nextTask(dueOn: string): Promise<string> {
    const fixture = TestBed.createComponent(CaseloadNextTask);
    fixture.componentRef.setInput('task', { id: 't-1', title: 'Call about the bus pass', dueOn, version: 1 });
    await fixture.whenStable();
    return (fixture.nativeElement as HTMLElement).querySelector('.due')?.textContent?.trim() ?? '';
  }

  it('a follow-up due today (the program’s) is not overdue; one due yesterday is', async () => {
    expect(await nextTask('2026-12-07')).toBe('Due Dec 7');
    // (The icon's ligature name comes first in the text.)
    expect(await nextTask('2026-12-06')).toMatch(/Overdue: due Dec 6$/);
  });

  it('counts days since a contact from the program’s today when the API gave only the date', async () => {
    const fixture = TestBed.createComponent(LastContact);
    fixture.componentRef.setInput('row', { lastContactOn: '2026-12-07', daysSinceContact: null, contactOverdue: false });
    fixture.componentRef.setInput('overdueDays', 14);
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent?.trim()).toBe('Today');
  });

  it('dates the high-risk flag on the program’s calendar', async () => {
    const participant: ParticipantRecord = {
      id: 'p-1',
      legalFirstName: 'Ashley',
      legalLastName: 'Nguyen',
      preferredName: null,
      pronouns: null,
      status: 'active',
      version: 3,
      highRisk: true,
      highRiskReason: 'Overdose recorded for Dec 7, 2026',
      // 8:15 pm in Chicago on Dec 7; already Dec 8 in UTC.
      highRiskSetAt: '2026-12-08T02:15:00Z',
    };
    const fixture = TestBed.createComponent(RiskBanner);
    fixture.componentRef.setInput('participant', participant);
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('.since')?.textContent).toBe('Flagged Dec 7, 2026');
  });
});
