import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { NoteTopics, PROBLEM_CONTENT_TYPE } from '@waypoint/shared-contracts';
import type { NoteSettings } from '@waypoint/web-participant-data';
import { NoteSettingsPage } from './note-settings-page';

const SETTINGS_URL = '/api/v1/notes/settings';
const SETTINGS: NoteSettings = { defaultFormat: 'GIRP', topics: ['cravings', 'housing', 'Reentry support'], timeZone: 'America/Chicago', version: 3 };

describe('NoteSettingsPage', () => {
  let fixture: ComponentFixture<NoteSettingsPage>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NoteSettingsPage);
    element = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  const settle = () => fixture.whenStable();
  const chips = () => [...element.querySelectorAll('mat-chip-row')].map((chip) => chip.textContent?.replace('cancel', '').trim());
  const button = (name: string) => {
    const found = [...element.querySelectorAll<HTMLButtonElement>('button')].find((candidate) => candidate.textContent?.trim() === name);
    if (!found) throw new Error(`no button ${name}`);
    return found;
  };
  const topicInput = () => element.querySelector<HTMLInputElement>('input[name="newTopic"]') as HTMLInputElement;
  async function type(text: string) {
    topicInput().value = text;
    topicInput().dispatchEvent(new Event('input'));
    topicInput().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13, bubbles: true }));
    await settle();
  }
  async function loaded(settings: NoteSettings = SETTINGS) {
    backend.expectOne(SETTINGS_URL).flush(settings);
    await settle();
  }

  it('shows a spinner, then the program’s format and topics, with the built-in topics it left out', async () => {
    expect(element.querySelector('mat-progress-spinner')).not.toBeNull();
    await loaded();
    expect(element.querySelector<HTMLInputElement>('mat-radio-button.mat-mdc-radio-checked input')?.value).toBe('GIRP');
    expect(chips()).toEqual(['Cravings', 'Housing', 'Reentry support']);
    const unused = [...element.querySelectorAll('.unused button')].map((b) => b.textContent?.replace('add', '').trim());
    expect(unused).toHaveLength(NoteTopics.length - 2);
    expect(unused).toContain('Mutual-aid meetings');
    expect(button('Save settings').disabled).toBe(true);
  });

  it('saves a new format and topic list with the version it read', async () => {
    await loaded();
    element.querySelectorAll<HTMLInputElement>('mat-radio-button input')[1].click();
    await type('Harm reduction supplies');
    (element.querySelector('mat-chip-row button[aria-label="Remove Cravings"]') as HTMLButtonElement).click();
    await settle();
    (element.querySelector('.unused button[aria-label="Add Legal"]') as HTMLButtonElement).click();
    await settle();
    expect(chips()).toEqual(['Housing', 'Reentry support', 'Harm reduction supplies', 'Legal']);
    expect(element.querySelector('[role="status"]')?.textContent).toContain('Removed “Cravings”');

    button('Save settings').click();
    const put = backend.expectOne({ method: 'PUT', url: SETTINGS_URL });
    expect(put.request.body).toEqual({ defaultFormat: 'DAP', topics: ['housing', 'Reentry support', 'Harm reduction supplies', 'legal'], version: 3 });
    put.flush({ ...SETTINGS, ...put.request.body, version: 4 });
    await settle();
    expect(element.querySelector('[role="status"]')?.textContent).toContain('Saved. New notes start in DAP (Data, Assessment, Plan) with these 4 topics.');
    expect(button('Save settings').disabled).toBe(true);
  });

  it('refuses a blank or repeated topic without changing the list, and typing a built-in label adds that topic', async () => {
    await loaded();
    await type('   ');
    expect(element.querySelector('.topic-problem')?.textContent).toBe('Type a topic first.');
    await type('reentry   SUPPORT');
    expect(element.querySelector('.topic-problem')?.textContent).toBe('“reentry SUPPORT” is already on the list.');
    await type('housing');
    expect(element.querySelector('.topic-problem')?.textContent).toBe('“housing” is already on the list.');
    expect(chips()).toEqual(['Cravings', 'Housing', 'Reentry support']);
    await type('Mutual-aid meetings');
    expect(chips()).toEqual(['Cravings', 'Housing', 'Reentry support', 'Mutual-aid meetings']);
    button('Save settings').click();
    expect(backend.expectOne({ method: 'PUT', url: SETTINGS_URL }).request.body.topics).toEqual(['cravings', 'housing', 'Reentry support', 'mutual_aid_meetings']);
  });

  it('will not save an empty list', async () => {
    await loaded({ ...SETTINGS, topics: ['housing'] });
    (element.querySelector('mat-chip-row button[aria-label="Remove Housing"]') as HTMLButtonElement).click();
    await settle();
    expect(element.textContent).toContain('Keep at least one topic.');
    expect(button('Save settings').disabled).toBe(true);
  });

  it('on a stale version offers the other admin’s settings instead of overwriting them', async () => {
    await loaded();
    await type('Peer support');
    button('Save settings').click();
    backend
      .expectOne({ method: 'PUT', url: SETTINGS_URL })
      .flush({ type: '/problems/conflict', title: 'Conflict', status: 409, currentVersion: 5 }, { status: 409, statusText: 'Conflict', headers: { 'content-type': PROBLEM_CONTENT_TYPE } });
    await settle();
    expect(element.querySelector('.banner')?.textContent).toContain('Another admin changed these settings');
    button('Load their settings').click();
    await loaded({ ...SETTINGS, topics: ['family'], version: 5 });
    expect(chips()).toEqual(['Family']);
    expect(element.querySelector('.banner')).toBeNull();
  });

  it('says what the API refused', async () => {
    await loaded();
    await type('Peer support');
    button('Save settings').click();
    backend
      .expectOne({ method: 'PUT', url: SETTINGS_URL })
      .flush(
        { type: '/problems/bad-request', title: 'Bad request', status: 400, detail: 'The topic "Peer support" is on the list twice.' },
        { status: 400, statusText: 'Bad Request', headers: { 'content-type': PROBLEM_CONTENT_TYPE } },
      );
    await settle();
    expect(element.querySelector('.problem')?.textContent).toBe('The topic "Peer support" is on the list twice.');
  });

  it('offers to try again when the settings cannot be loaded', async () => {
    backend.expectOne(SETTINGS_URL).flush(null, { status: 503, statusText: 'Unavailable' });
    await settle();
    expect(element.textContent).toContain('The note settings could not be loaded');
    button('Try again').click();
    await loaded();
    expect(chips()).toHaveLength(3);
  });
});
