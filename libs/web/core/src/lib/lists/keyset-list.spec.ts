import { Subject, throwError } from 'rxjs';
import { KeysetList, type KeysetPage } from './keyset-list';

describe('KeysetList', () => {
  it('loads the first page, appends the next by cursor, and stops at the end', () => {
    const requests: (string | null)[] = [];
    const pages = new Subject<KeysetPage<number>>();
    const list = new KeysetList<number>((cursor) => {
      requests.push(cursor);
      return pages;
    });
    list.reload();
    expect(list.loaded()).toBe(false);
    pages.next({ items: [1, 2], nextCursor: 'c2' });
    expect(list.items()).toEqual([1, 2]);
    expect(list.loaded()).toBe(true);

    const second = new Subject<KeysetPage<number>>();
    const more = new KeysetList<number>((cursor) => (cursor ? second : pages));
    more.reload();
    pages.next({ items: [1], nextCursor: 'c2' });
    more.loadMore();
    more.loadMore(); // ignored while the page is on its way
    expect(more.loadingMore()).toBe(true);
    second.next({ items: [2], nextCursor: null });
    second.complete();
    expect(more.items()).toEqual([1, 2]);
    expect(more.loadingMore()).toBe(false);
    more.loadMore(); // at the end: nothing to ask
    expect(requests).toEqual([null]);
  });

  it('reports a failed first page, and clears the failure on reload', () => {
    let fail = true;
    const list = new KeysetList<number>(() => (fail ? throwError(() => new Error('offline')) : new Subject<KeysetPage<number>>()));
    list.reload();
    expect(list.loadFailed()).toBe(true);
    fail = false;
    list.reload();
    expect(list.loadFailed()).toBe(false);
  });
});
