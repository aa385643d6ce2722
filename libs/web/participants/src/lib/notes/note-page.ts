import { Location } from '@angular/common';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { SessionStore } from '@waypoint/web-auth';
import { NoteSettingsApi, NotesApi, RecoveryPlanApi, type SessionNote } from '@waypoint/web-participant-data';
import { EmptyState } from '@waypoint/web-ui';
import { tap } from 'rxjs';
import { browserStorage, removeCopiesOf } from './note-local-copy';
import { NoteEditor } from './note-editor';
import { loadNotePage, RECENT_NOTES } from './note-page-loader';
import { NoteView } from './note-view';

/**
 * One session note of the participant (`notes/:noteId`), or a new one (`notes/new`): the editor
 * for a new note or a draft of one's own, otherwise the note read-only with its signature and
 * addenda. Once a new draft exists its own address replaces `notes/new`, so a reload goes on
 * with it rather than starting another.
 */
@Component({
  selector: 'lib-note-page',
  imports: [NoteEditor, NoteView, EmptyState, MatButton, MatIcon, MatProgressSpinner, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a matButton class="back" [routerLink]="['/participants', id(), 'notes']"><mat-icon>arrow_back</mat-icon><span i18n>Notes</span></a>
    <div class="notice" role="status" [class.shown]="!!notice()">{{ notice() }}</div>
    @let state = view.state();
    @switch (state.kind) {
      @case ('loading') {
        <div class="loading"><mat-progress-spinner mode="indeterminate" diameter="40" i18n-aria-label aria-label="Loading the note" /></div>
      }
      @case ('not-found') {
        <lib-empty-state icon="search_off" i18n-heading heading="This note could not be found">
          <ng-container i18n>It may belong to a participant no longer in your caseload, or the link is wrong.</ng-container>
        </lib-empty-state>
      }
      @case ('failed') {
        <lib-empty-state icon="cloud_off" i18n-heading heading="The note could not be loaded">
          <ng-container i18n>Check your connection, then try again.</ng-container>
          <div emptyStateActions><button matButton="filled" type="button" (click)="view.reload()" i18n>Try again</button></div>
        </lib-empty-state>
      }
      @case ('edit') {
        <h2 class="heading">
          @if (state.note) {
            <ng-container i18n>Session note (draft)</ng-container>
          } @else {
            <ng-container i18n>New session note</ng-container>
          }
        </h2>
        <lib-note-editor [participantId]="id()" [note]="state.note" [context]="state.context" (created)="created($event)" (signed)="signed($event)" />
      }
      @case ('view') {
        <lib-note-view [note]="state.note" [goals]="state.goals" [timeZone]="timeZone()" [mine]="isMine(state.note)" (changed)="view.show($event, state.goals)" />
      }
    }
  `,
  styles: `
    :host { display: block; }
    .back { margin: 0 0 8px -12px; }
    .heading { margin: 0 0 16px; font: var(--mat-sys-title-large); }
    .loading { display: grid; place-items: center; padding: 48px; }
    .notice { display: none; margin: 0 0 16px; padding: 12px 16px; border-radius: var(--mat-sys-corner-small); background: var(--mat-sys-surface-container); }
    .notice.shown { display: block; }
  `,
})
export class NotePage {
  readonly #api = inject(NotesApi);
  readonly #plans = inject(RecoveryPlanApi);
  readonly #settings = inject(NoteSettingsApi);
  readonly #session = inject(SessionStore);
  readonly #location = inject(Location);
  readonly #injector = inject(Injector);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  /** The participant's id, from the shell's route. */
  readonly id = input.required<string>();
  /** The route's `:noteId`; absent on `notes/new`. */
  readonly noteId = input<string>();

  /** Said once the editor has signed the note. */
  protected readonly notice = signal('');
  protected readonly timeZone = computed(() => this.#session.user()?.timeZone ?? null);
  protected readonly view = loadNotePage(this.id, this.noteId, {
    // A note that is no longer a draft leaves no reason to keep unsaved copies of it on this device.
    note: (noteId) => this.#api.get(noteId).pipe(tap((note) => note.status !== 'draft' && removeCopiesOf(browserStorage(), note.participantId, note.id))),
    rule: () => this.#api.billingRule(),
    settings: () => this.#settings.settings(),
    plan: (participantId) => this.#plans.plan(participantId),
    recent: (participantId) => this.#api.list(participantId, { limit: RECENT_NOTES }),
    editable: (note) => note.status === 'draft' && this.isMine(note),
  });

  /** Whether the signed-in person wrote the note and may still write (edit a draft, sign, add addenda). */
  isMine(note: SessionNote): boolean {
    return note.authorId === this.#session.user()?.id && this.#session.can('participants:write');
  }

  protected created(note: SessionNote): void {
    // The address, not a navigation: the editor (and the focus in it) stays as it is.
    this.#location.replaceState(`/participants/${encodeURIComponent(this.id())}/notes/${encodeURIComponent(note.id)}`);
  }

  protected signed(note: SessionNote): void {
    const state = this.view.state();
    const goals = state.kind === 'edit' ? state.context.goals : [];
    removeCopiesOf(browserStorage(), this.id(), note.id);
    this.view.show(note, goals);
    this.notice.set($localize`Note signed. It is locked now; corrections are added as addenda.`);
    // The signed note replaces the editor, whose bottom the person was at: take them to the top, where it says so.
    afterNextRender(
      () => {
        this.#host.nativeElement.querySelector<HTMLElement>('#note-heading')?.focus({ preventScroll: true });
        this.#host.nativeElement.scrollIntoView?.({ block: 'start' });
      },
      { injector: this.#injector },
    );
  }
}
