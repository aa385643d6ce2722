import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { SessionStore } from '@waypoint/web-auth';
import { NotesApi } from '@waypoint/web-participant-data';
import { of } from 'rxjs';
import { PlaceholderPage } from './placeholder-page';

/**
 * Supervision hours and credentials are not built yet, but the notes waiting for co-signature
 * are: this page says the first plainly and points to the second with its real count, so a
 * supervisor is never told there is nothing to review while notes wait.
 */
@Component({
  selector: 'lib-supervision-page',
  imports: [PlaceholderPage, MatButton, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <lib-placeholder-page icon="supervisor_account" [heading]="heading" [coming]="coming">
      @if (canCosign) {
        @if (awaiting(); as count) {
          <a matButton="filled" routerLink="/cosign" class="queue" i18n
            >Open the co-sign queue ({count, plural, =1 {1 note waits} other {{{ count }} notes wait}})</a
          >
        } @else {
          <a matButton="outlined" routerLink="/cosign" class="queue" i18n>Open the co-sign queue</a>
        }
      }
    </lib-placeholder-page>
  `,
})
export class SupervisionPage {
  /** Only someone who may co-sign asks for the queue; anyone else would be refused (403). */
  protected readonly canCosign = inject(SessionStore).can('notes:cosign');
  readonly #notes = inject(NotesApi);
  protected readonly heading = $localize`:Page title:Supervision`;
  protected readonly coming = $localize`Supervision hours and credential renewals for your team are coming in a later release. Notes waiting for your co-signature are in the co-sign queue.`;

  /** One row is enough: the queue's per-specialist counts cover the whole team. */
  readonly #queue = rxResource({
    stream: () => (this.canCosign ? this.#notes.cosignQueue(null, 1) : of(null)),
  });
  protected readonly awaiting = computed(() =>
    (this.#queue.hasValue() ? this.#queue.value() : null)?.counts.reduce((sum, row) => sum + row.awaiting, 0) ?? 0,
  );
}
