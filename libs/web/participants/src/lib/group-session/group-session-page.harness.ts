// Test support for the group-session page's specs; tsconfig.lib.json leaves *.harness.ts out of the library.
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router } from '@angular/router';
import { DEFAULT_BILLING_RULE, type Permission, ROLE_PERMISSIONS, type Role } from '@waypoint/shared-contracts';
import { SessionStore } from '@waypoint/web-auth';
import type { CaseloadRow } from '@waypoint/web-participant-data';
import { activeGoal } from '../notes/note-fixtures';
import { ROSTER_SEARCH_DELAY_MS } from './caseload-roster';
import { GroupSessionPage } from './group-session-page';

export const ZONE = 'America/Chicago';
export const PARTICIPANTS = '/api/v1/participants';

export function row(id: string, first: string, last: string, overrides: Partial<CaseloadRow> = {}): CaseloadRow {
  return { id, legalFirstName: first, legalLastName: last, preferredName: null, pronouns: null, status: 'active', version: 1, ...overrides };
}

/** As the API lists them: by legal last name. */
export const CASELOAD = [
  row('p-2', 'Ashley', 'Nguyen'),
  row('p-3', 'Danielle', 'Ortiz', { preferredName: 'Dani', status: 'referred' }),
  row('p-1', 'Terrence', 'Walker', { pronouns: 'he/him' }),
];
/** Someone past the first page of a large team's roster. */
export const ORTEGA = row('p-9', 'Maria', 'Ortega');
export const CRAVINGS = activeGoal({ id: '9d2f5a60-0c1e-4a55-9a0c-6c4d1b3f2e01', statement: 'Go to three meetings a week and find a sponsor' });

export interface RenderOptions {
  role?: Role;
  participant?: string;
  /** false: the billing rule cannot be read. */
  rule?: boolean;
  /** null: the note settings cannot be read. */
  topics?: string[] | null;
}

/**
 * The page rendered against a fake backend, and the ways a person uses it. Its helpers are
 * arrow functions, so a spec may destructure them.
 */
export class GroupSessionPageHarness {
  fixture!: ComponentFixture<GroupSessionPage>;
  backend!: HttpTestingController;
  element!: HTMLElement;
  navigate!: jest.SpyInstance;

  render = async (options: RenderOptions = {}) => {
    const role = options.role ?? 'specialist';
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        {
          provide: SessionStore,
          useValue: {
            can: (permission: Permission) => ROLE_PERMISSIONS[role].includes(permission),
            user: signal({ id: 'u-1', displayName: 'Jordan Avery', role, timeZone: ZONE }),
          },
        },
      ],
    });
    this.backend = TestBed.inject(HttpTestingController);
    this.navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    this.fixture = TestBed.createComponent(GroupSessionPage);
    if (options.participant) this.fixture.componentRef.setInput('participant', options.participant);
    this.element = this.fixture.nativeElement;
    await this.fixture.whenStable();
    const rule = this.backend.expectOne('/api/v1/notes/billing-rule');
    if (options.rule === false) rule.flush(null, { status: 503, statusText: 'Unavailable' });
    else rule.flush(DEFAULT_BILLING_RULE);
    const settings = this.backend.expectOne('/api/v1/notes/settings');
    if (options.topics === null) settings.flush(null, { status: 503, statusText: 'Unavailable' });
    else settings.flush({ defaultFormat: 'GIRP', topics: options.topics ?? ['cravings', 'mutual_aid_meetings', 'Holiday stress'], timeZone: ZONE, version: 1 });
    await this.fixture.whenStable();
  };

  /** Destroys the page and checks that nothing was left unanswered. */
  destroy = () => {
    this.fixture.destroy();
    this.backend.verify();
  };

  /** Answers the roster's request for `search` (none: the unfiltered list) and `cursor`. */
  roster = async (items = CASELOAD, { search = null, cursor = null, nextCursor = null }: { search?: string | null; cursor?: string | null; nextCursor?: string | null } = {}) => {
    this.backend
      .expectOne(
        (request) =>
          request.url === PARTICIPANTS &&
          request.params.get('limit') === '100' &&
          request.params.get('search') === search &&
          request.params.get('cursor') === cursor,
      )
      .flush({ items, nextCursor });
    await this.fixture.whenStable();
  };

  /** Past the roster's search pause. */
  pause = async () => {
    await new Promise((resolve) => setTimeout(resolve, ROSTER_SEARCH_DELAY_MS + 50));
    await this.fixture.whenStable();
  };

  /** The names the attendee picker offers, in order. */
  choices = () => [...this.element.querySelectorAll('lib-attendee-picker mat-checkbox')].map((box) => box.querySelector('.name')?.textContent?.trim());

  /** Answers the recovery-plan read for an attendee: `goals`, and an achieved one the page must leave out. */
  plan = async (participantId: string, goals = [CRAVINGS]) => {
    this.backend
      .expectOne(`${PARTICIPANTS}/${participantId}/plan`)
      .flush({ goals: [...goals, activeGoal({ id: 'g-old', status: 'achieved', statement: 'Done already' })] });
    await this.fixture.whenStable();
  };

  /** The input or textarea of the form field labelled `label`, within `root`. */
  field = (label: string, root: ParentNode = this.element): HTMLInputElement => {
    const formField = [...root.querySelectorAll('mat-form-field')].find((candidate) => candidate.querySelector('mat-label')?.textContent?.trim() === label);
    const control = formField?.querySelector<HTMLInputElement>('input, textarea');
    if (!control) throw new Error(`no field "${label}"`);
    return control;
  };

  type = async (label: string, value: string, root: ParentNode = this.element) => {
    const control = this.field(label, root);
    control.value = value;
    control.dispatchEvent(new Event('input'));
    await this.fixture.whenStable();
  };

  checkbox = (text: string, root: ParentNode = this.element) => {
    const box = [...root.querySelectorAll('mat-checkbox')].find((candidate) => candidate.textContent?.includes(text));
    if (!box) throw new Error(`no checkbox "${text}"`);
    return box.querySelector<HTMLInputElement>('input') as HTMLInputElement;
  };

  check = async (text: string, root: ParentNode = this.element) => {
    this.checkbox(text, root).click();
    await this.fixture.whenStable();
  };

  /** The card of a chosen attendee. */
  attendee = (name: string) => {
    const card = [...this.element.querySelectorAll('.attendee')].find((candidate) => candidate.querySelector('h3')?.textContent?.includes(name));
    if (!card) throw new Error(`no attendee "${name}"`);
    return card;
  };

  /** The chosen attendees' headings, in order. */
  attendees = () => [...this.element.querySelectorAll('.attendee h3')].map((heading) => heading.textContent?.trim());

  button = (label: string) =>
    [...this.element.querySelectorAll('button')].find(
      (candidate) => candidate.textContent?.replace(candidate.querySelector('mat-icon')?.textContent ?? '', '').trim() === label,
    );

  units = () => this.element.querySelector('mat-hint.units')?.textContent?.trim();
}
