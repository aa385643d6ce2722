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
import { csrfInterceptor, provideAuth, SessionStore, sessionInterceptor } from '@waypoint/web-auth';
import { loadingInterceptor, PageTitleStrategy, problemDetailsInterceptor, ThemeService } from '@waypoint/web-core';
import { PROGRAM_TIME_ZONE } from '@waypoint/web-clock';
import { appRoutes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    // Outermost first. Loading counts a request for its whole life, refresh and retry included;
    // problems are shown only once the session interceptor has given up; the CSRF header is
    // added innermost, so a retried request reads the cookie afresh.
    provideHttpClient(
      withFetch(),
      withInterceptors([loadingInterceptor, problemDetailsInterceptor, sessionInterceptor, csrfInterceptor]),
    ),
    // Who is signed in is known before the first navigation, so guards can decide at once.
    provideAuth(),
    // Every time and calendar day on screen is on the program's clock, as the API's are.
    {
      provide: PROGRAM_TIME_ZONE,
      useFactory: () => {
        const session = inject(SessionStore);
        return () => session.user()?.timeZone ?? null;
      },
    },
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
