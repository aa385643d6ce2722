import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { LOADING_INDICATOR_DELAY_MS, LoadingService } from './loading.service';

@Component({ template: '' })
class Blank {}

describe('LoadingService', () => {
  let releaseSlowRoute: () => void;

  beforeEach(() => {
    const slowRoute = new Promise<typeof Blank>((resolve) => (releaseSlowRoute = () => resolve(Blank)));
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: 'slow', loadComponent: () => slowRoute }])],
    });
  });

  afterEach(() => jest.useRealTimers());

  it('counts requests up and down, never below zero', () => {
    const loading = TestBed.inject(LoadingService);
    loading.requestStarted();
    loading.requestStarted();
    expect(loading.requestsInFlight()).toBe(2);
    expect(loading.busy()).toBe(true);

    loading.requestEnded();
    loading.requestEnded();
    loading.requestEnded();
    expect(loading.requestsInFlight()).toBe(0);
    expect(loading.busy()).toBe(false);
  });

  it('is busy while a navigation runs', async () => {
    const loading = TestBed.inject(LoadingService);
    const navigation = TestBed.inject(Router).navigateByUrl('/slow');
    await Promise.resolve();
    expect(loading.busy()).toBe(true);

    releaseSlowRoute();
    await navigation;
    expect(loading.busy()).toBe(false);
  });

  it('shows the indicator only once work has lasted longer than the delay', () => {
    jest.useFakeTimers();
    const loading = TestBed.inject(LoadingService);
    TestBed.tick();

    loading.requestStarted();
    TestBed.tick();
    jest.advanceTimersByTime(LOADING_INDICATOR_DELAY_MS - 1);
    expect(loading.visible()).toBe(false);

    jest.advanceTimersByTime(1);
    expect(loading.visible()).toBe(true);

    loading.requestEnded();
    TestBed.tick();
    expect(loading.visible()).toBe(false);
  });

  it('never shows the indicator for work quicker than the delay', () => {
    jest.useFakeTimers();
    const loading = TestBed.inject(LoadingService);
    TestBed.tick();

    loading.requestStarted();
    TestBed.tick();
    jest.advanceTimersByTime(LOADING_INDICATOR_DELAY_MS / 2);
    loading.requestEnded();
    TestBed.tick();
    jest.advanceTimersByTime(LOADING_INDICATOR_DELAY_MS * 2);

    expect(loading.visible()).toBe(false);
  });
});
