import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router } from '@angular/router';
import { App } from './app';
import { appConfig } from './app.config';

describe('App', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: appConfig.providers });
  });

  it('opens on the caseload inside the shell, titled for the browser tab', async () => {
    const fixture = TestBed.createComponent(App);
    await TestBed.inject(Router).navigateByUrl('/');
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;

    expect(TestBed.inject(Router).url).toBe('/caseload');
    expect(TestBed.inject(Title).getTitle()).toBe('Caseload · Waypoint');
    expect(element.querySelector('lib-loading-bar')).not.toBeNull();
    expect(element.querySelector('main h1')?.textContent).toBe('Caseload');
  });

  it('draws icons with the self-hosted Material Symbols font', async () => {
    const fixture = TestBed.createComponent(App);
    await TestBed.inject(Router).navigateByUrl('/caseload');
    await fixture.whenStable();

    const icon = fixture.nativeElement.querySelector('mat-icon');
    expect(icon.classList).toContain('material-symbols-outlined');
    expect(icon.classList).not.toContain('material-icons');
  });
});
