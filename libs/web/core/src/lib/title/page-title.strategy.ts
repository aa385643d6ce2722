import { inject, Injectable } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';

/**
 * Routes declare only the page name ("Caseload"); this adds the product name, so the tab
 * reads "Caseload · Waypoint" and translators see the pattern once.
 */
@Injectable({ providedIn: 'root' })
export class PageTitleStrategy extends TitleStrategy {
  readonly #title = inject(Title);

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const page = this.buildTitle(snapshot);
    this.#title.setTitle(
      page ? $localize`:Browser tab title, page name first:${page}:pageName: · Waypoint` : 'Waypoint',
    );
  }
}
