import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { LOADING_INDICATOR_DELAY_MS, LoadingService } from '@waypoint/web-core';
import { LoadingBar } from './loading-bar';

describe('LoadingBar', () => {
  afterEach(() => jest.useRealTimers());

  it('shows an indeterminate progress bar only while the app is visibly busy', () => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(LoadingBar);
    const loading = TestBed.inject(LoadingService);
    const bar = () => fixture.nativeElement.querySelector('mat-progress-bar');
    fixture.detectChanges();
    expect(bar()).toBeNull();

    loading.requestStarted();
    TestBed.tick();
    jest.advanceTimersByTime(LOADING_INDICATOR_DELAY_MS);
    fixture.detectChanges();
    expect(bar()?.getAttribute('mode')).toBe('indeterminate');
    expect(bar()?.getAttribute('aria-label')).toBe('Loading');

    loading.requestEnded();
    TestBed.tick();
    fixture.detectChanges();
    expect(bar()).toBeNull();
  });
});
