import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { provideRouter, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { loadingInterceptor, PageTitleStrategy, problemDetailsInterceptor, ThemeService } from '@waypoint/web-core';
import { appRoutes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    // Loading first, so a request is counted for its whole life, including the error path.
    provideHttpClient(withFetch(), withInterceptors([loadingInterceptor, problemDetailsInterceptor])),
    provideRouter(appRoutes, withComponentInputBinding()),
    { provide: TitleStrategy, useClass: PageTitleStrategy },
    provideAppInitializer(() => {
      // Icons come from the self-hosted Material Symbols font, not the Material Icons default.
      inject(MatIconRegistry).setDefaultFontSetClass('material-symbols-outlined');
      // Apply the remembered light/dark choice on every page, the sign-in page included.
      inject(ThemeService);
    }),
  ],
};
