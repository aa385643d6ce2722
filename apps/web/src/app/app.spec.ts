import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router } from '@angular/router';
import { App } from './app';
import { appConfig } from './app.config';

describe('App', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: appConfig.providers });
  });

  it('opens on the sign-in page when nobody is signed in', async () => {
    const fixture = TestBed.createComponent(App);
    await TestBed.inject(Router).navigateByUrl('/');
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;

    expect(TestBed.inject(Router).url).toBe('/sign-in');
    expect(TestBed.inject(Title).getTitle()).toBe('Sign in · Waypoint');
    expect(element.querySelector('lib-loading-bar')).not.toBeNull();
    expect(element.querySelector('main h1')?.textContent).toBe('Sign in');
    expect(element.querySelector('lib-shell-layout')).toBeNull();
  });

  it('draws icons with the self-hosted Material Symbols font', async () => {
    const fixture = TestBed.createComponent(App);
    await TestBed.inject(Router).navigateByUrl('/sign-in');
    await fixture.whenStable();

    const icon = fixture.nativeElement.querySelector('mat-icon');
    expect(icon.classList).toContain('material-symbols-outlined');
    expect(icon.classList).not.toContain('material-icons');
  });
});
