import { DecimalPipe, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { AuditApi, type ChainVerification } from '@waypoint/web-audit-data';

type CheckState = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; result: ChainVerification } | { kind: 'failed' };

/**
 * Admins check that no audit row was altered or removed: the API walks the hash chain (one
 * for the whole server) and names the first row that does not match. The counts shown are the
 * admin's program's, never other programs'.
 */
@Component({
  selector: 'lib-chain-check',
  imports: [MatButton, MatIcon, DecimalPipe, NgTemplateOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './chain-check.html',
  styleUrl: './chain-check.scss',
})
export class ChainCheck {
  readonly #api = inject(AuditApi);
  protected readonly state = signal<CheckState>({ kind: 'idle' });

  protected verify(): void {
    if (this.state().kind === 'running') return;
    this.state.set({ kind: 'running' });
    // A failure's details (and request id) are in the snackbar; the panel says it did not run.
    this.#api.verify().subscribe({
      next: (result) => this.state.set({ kind: 'done', result }),
      error: () => this.state.set({ kind: 'failed' }),
    });
  }
}
