import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { NoteFormat, NoteSettings } from '@waypoint/shared-contracts';
import { withoutProblemSnackbar } from '@waypoint/web-core';
import type { Observable } from 'rxjs';

export type { NoteSettings } from '@waypoint/shared-contracts';

/** A change to the program's note settings: the whole list, with the version it was based on. */
export interface NoteSettingsChange {
  defaultFormat: NoteFormat;
  topics: string[];
  version: number;
}

/**
 * The program's note settings: read by the note editor (the format a note starts in, the topics
 * to tag it with, the day the cap counts), changed on the admin page. The change is quiet (no
 * snackbar): the page shows a stale version and bad input itself.
 */
@Injectable({ providedIn: 'root' })
export class NoteSettingsApi {
  readonly #http = inject(HttpClient);

  settings(): Observable<NoteSettings> {
    return this.#http.get<NoteSettings>('/api/v1/notes/settings');
  }

  update(change: NoteSettingsChange): Observable<NoteSettings> {
    return this.#http.put<NoteSettings>('/api/v1/notes/settings', change, { context: withoutProblemSnackbar() });
  }
}
