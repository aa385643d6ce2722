import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatTabLink, MatTabNav, MatTabNavPanel } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { SessionStore } from '@waypoint/web-auth';
import { ADMIN_SECTIONS } from './admin-sections';

/**
 * The admin area: its sections as tabs above the page. Each tab is a link to the section's own
 * address, so a section can be bookmarked and the back button moves between them.
 */
@Component({
  selector: 'lib-admin-layout',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatTabNav, MatTabLink, MatTabNavPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './admin-layout.html',
  styleUrl: './admin-layout.scss',
})
export class AdminLayout {
  readonly #store = inject(SessionStore);

  /** The sections this person may open; the bar is left out when there is only one. */
  protected readonly sections = computed(() => ADMIN_SECTIONS.filter((section) => this.#store.can(section.permission)));
}
