import { describe, expect, it } from 'vitest';
import { countNew, createCursorPager, createOffsetPager } from '../src/lib/pager.js';

const ids = (pager) => pager.items.map((item) => item.id);

describe('cursor pager', () => {
  it('pages until nextCursor is null, asking with the cursor it was given', async () => {
    const asked = [];
    const pages = { undefined: { items: [{ id: 'a' }, { id: 'b' }], nextCursor: 'c1' }, c1: { items: [{ id: 'c' }], nextCursor: null } };
    const pager = createCursorPager(async (cursor) => { asked.push(cursor); return pages[cursor]; });
    await pager.next();
    expect(pager.done).toBe(false);
    await pager.next();
    await pager.next();
    expect(asked).toEqual([undefined, 'c1']);
    expect(ids(pager)).toEqual(['a', 'b', 'c']);
    expect(pager.done).toBe(true);
  });

  it('never shows an item twice when pages overlap', async () => {
    const pages = [{ items: [{ id: 'a' }, { id: 'b' }], nextCursor: '1' }, { items: [{ id: 'b' }, { id: 'c' }], nextCursor: null }];
    const pager = createCursorPager(async () => pages.shift());
    await pager.next();
    await pager.next();
    expect(ids(pager)).toEqual(['a', 'b', 'c']);
  });

  it('joins a load already running instead of asking twice', async () => {
    let calls = 0;
    const pager = createCursorPager(async () => { calls += 1; return { items: [{ id: 'a' }], nextCursor: 'x' }; });
    await Promise.all([pager.next(), pager.next()]);
    expect(calls).toBe(1);
  });

  it('stops when the server repeats a cursor or sends an empty page', async () => {
    const repeating = createCursorPager(async () => ({ items: [{ id: String(Math.random()) }], nextCursor: 'same' }));
    await repeating.next();
    await repeating.next();
    expect(repeating.done).toBe(true);
    const empty = createCursorPager(async () => ({ items: [], nextCursor: 'more' }));
    await empty.next();
    expect(empty.done).toBe(true);
  });

  it('keeps the error and can try the same page again', async () => {
    let fail = true;
    const asked = [];
    const pager = createCursorPager(async (cursor) => {
      asked.push(cursor);
      if (fail) throw new Error('offline');
      return { items: [{ id: 'a' }], nextCursor: null };
    });
    await pager.next();
    expect(pager.error.message).toBe('offline');
    fail = false;
    await pager.next();
    expect(pager.error).toBeNull();
    expect(ids(pager)).toEqual(['a']);
    expect(asked).toEqual([undefined, undefined]);
  });

  it('puts new items on top without duplicates, and counts what is new', async () => {
    const pager = createCursorPager(async () => ({ items: [{ id: 'b' }, { id: 'a' }], nextCursor: null }));
    await pager.next();
    expect(countNew([{ id: 'd' }, { id: 'c' }, { id: 'b' }, { id: 'a' }], pager)).toBe(2);
    pager.prepend([{ id: 'd' }, { id: 'c' }, { id: 'b' }]);
    pager.append([{ id: 'a' }, { id: 'z' }]);
    expect(ids(pager)).toEqual(['d', 'c', 'b', 'a', 'z']);
    pager.remove('c');
    pager.replace({ id: 'd', caption: 'edited' });
    expect(pager.items).toEqual([{ id: 'd', caption: 'edited' }, { id: 'b' }, { id: 'a' }, { id: 'z' }]);
  });
});

describe('offset pager', () => {
  it('moves the offset by what it received and stops at the total', async () => {
    const asked = [];
    const all = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
    const pager = createOffsetPager(async (offset, limit) => {
      asked.push([offset, limit]);
      return { items: all.slice(offset, offset + limit), total: all.length };
    }, { limit: 2 });
    while (!pager.done) await pager.next();
    expect(asked).toEqual([[0, 2], [2, 2], [4, 2]]);
    expect(ids(pager)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
