import { signal } from '@angular/core';
import { finalize, type Observable, Subscription } from 'rxjs';

/** One page of a keyset-paginated API list (docs/architecture.md, "HTTP conventions"). */
export interface KeysetPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * The state of a list read page by page with "Load more": the rows so far, whether the first
 * page has arrived (until then a spinner, not an empty state), whether it failed, and the
 * cursor of the next page. Pages give it a `fetch` for one page and bind its signals.
 * A reload drops pages still on their way, so a slow answer to an earlier question (say, before
 * the filters changed) never lands in the list.
 */
export class KeysetList<T> {
  readonly items = signal<T[]>([]);
  readonly nextCursor = signal<string | null>(null);
  readonly loaded = signal(false);
  readonly loadFailed = signal(false);
  readonly loadingMore = signal(false);
  #inFlight = new Subscription();

  constructor(private readonly fetch: (cursor: string | null) => Observable<KeysetPage<T>>) {}

  /** Starts again from the first page. */
  reload(): void {
    this.#inFlight.unsubscribe();
    this.#inFlight = new Subscription();
    this.loaded.set(false);
    this.loadFailed.set(false);
    const first = this.fetch(null).subscribe({
      next: (page) => {
        this.items.set(page.items);
        this.nextCursor.set(page.nextCursor);
        this.loaded.set(true);
      },
      error: () => this.loadFailed.set(true),
    });
    this.#inFlight.add(first);
  }

  /** Appends the next page; does nothing at the end or while a page is on its way. */
  loadMore(): void {
    const cursor = this.nextCursor();
    if (!cursor || this.loadingMore()) return;
    this.loadingMore.set(true);
    const next = this.fetch(cursor)
      .pipe(finalize(() => this.loadingMore.set(false)))
      .subscribe((page) => {
        this.items.update((items) => [...items, ...page.items]);
        this.nextCursor.set(page.nextCursor);
      });
    this.#inFlight.add(next);
  }
}
