import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { MatListItem, MatListItemIcon, MatListItemTitle, MatNavList } from '@angular/material/list';
import { RouterLink } from '@angular/router';
import { SessionStore } from '@waypoint/web-auth';
import { PageHeader } from '@waypoint/web-ui';
import { navItemsFor } from '../layout/nav-items';

/**
 * The start page of someone whose role has no working page yet (a clinician, until referrals
 * arrive): what they can do today, and, said plainly, what is still coming. It reads nothing
 * from the API, so it cannot be wrong about anyone's data.
 */
@Component({
  selector: 'lib-start-page',
  imports: [PageHeader, MatNavList, MatListItem, MatListItemIcon, MatListItemTitle, MatIcon, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <lib-page-header [heading]="heading()" [description]="description()" />
    <section aria-labelledby="start-today">
      <h2 id="start-today" class="section" i18n>What you can do today</h2>
      <mat-nav-list>
        @for (link of today(); track link.path) {
          <a mat-list-item [routerLink]="link.path">
            <mat-icon matListItemIcon>{{ link.icon }}</mat-icon>
            <span matListItemTitle>{{ link.label }}</span>
          </a>
        }
      </mat-nav-list>
    </section>
    @if (coming().length) {
      <section aria-labelledby="start-coming">
        <h2 id="start-coming" class="section" i18n>Coming in a later release</h2>
        <ul class="coming">
          @for (item of coming(); track item.path) {
            <li>{{ item.label }}</li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    .section {
      margin: 24px 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .coming {
      margin: 0;
      font: var(--mat-sys-body-large);
    }
  `,
})
export class StartPage {
  readonly #store = inject(SessionStore);
  protected readonly heading = computed(() => {
    const name = this.#store.user()?.displayName;
    return name ? $localize`:Start page heading:Welcome, ${name}:name:` : $localize`:Start page heading:Welcome`;
  });
  readonly #items = computed(() => navItemsFor(this.#store.permissions()));
  protected readonly description = computed(() =>
    this.#items().some((item) => !item.comingLater)
      ? $localize`Here is what you can use now.`
      : $localize`Waypoint does not have pages for your role's daily work yet. Here is what you can use now.`,
  );
  protected readonly coming = computed(() => this.#items().filter((item) => item.comingLater));
  protected readonly today = computed(() => [
    ...this.#items()
      .filter((item) => !item.comingLater)
      .map(({ path, icon, label }) => ({ path: `/${path}`, icon, label })),
    { path: '/notifications', icon: 'notifications', label: $localize`:Start page link:Your notifications` },
    { path: '/account/sessions', icon: 'devices', label: $localize`:Start page link:Your sessions` },
    { path: '/account/password', icon: 'password', label: $localize`:Start page link:Change your password` },
  ]);
}
