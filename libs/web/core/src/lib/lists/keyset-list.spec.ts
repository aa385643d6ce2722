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

  it('drops pages still on their way when it starts again', () => {
    const answers: Subject<KeysetPage<string>>[] = [];
    const list = new KeysetList<string>(() => {
      const answer = new Subject<KeysetPage<string>>();
      answers.push(answer);
      return answer;
    });
    list.reload();
    answers[0].next({ items: ['old'], nextCursor: 'c2' });
    list.loadMore();
    list.reload(); // the question changed while page 2 of the old one was on its way
    expect(list.loadingMore()).toBe(false);
    answers[1].next({ items: ['old page 2'], nextCursor: null });
    answers[2].next({ items: ['new'], nextCursor: null });
    expect(list.items()).toEqual(['new']);

    list.reload();
    list.reload();
    answers[3].next({ items: ['stale'], nextCursor: null });
    expect(list.loaded()).toBe(false);
    answers[4].next({ items: ['fresh'], nextCursor: null });
    expect(list.items()).toEqual(['fresh']);
  });
});
