import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLive } from '../src/lib/live.js';
import { createCursorPager } from '../src/lib/pager.js';

describe('live updates by polling', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function fakeApi(state) {
    return {
      get: vi.fn(async (path) => {
        if (path === '/api/notifications/unread-count') return { count: state.unread };
        if (path.startsWith('/api/timeline')) return { items: state.timeline, nextCursor: null };
        throw new Error(path);
      }),
    };
  }

  it('tells the badge the unread count at start and on each interval', async () => {
    const state = { unread: 2, timeline: [] };
    const live = createLive(fakeApi(state), { intervalMs: 1000, doc: null });
    const seen = [];
    live.subscribe((count) => seen.push(count));
    await live.start();
    state.unread = 3;
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(1000); // unchanged: no second 3
    live.stop();
    expect(seen).toEqual([2, 3, 0]);
  });

  it('counts the posts newer than the feed shows', async () => {
    const state = { unread: 0, timeline: [{ id: 'a' }] };
    const api = fakeApi(state);
    const pager = createCursorPager(async () => ({ items: [{ id: 'a' }], nextCursor: null }));
    await pager.next();
    const live = createLive(api, { intervalMs: 1000, doc: null });
    const counts = [];
    const unwatch = live.watchFeed(pager, (count) => counts.push(count));
    await live.start();
    state.timeline = [{ id: 'c' }, { id: 'b' }, { id: 'a' }];
    await vi.advanceTimersByTimeAsync(1000);
    unwatch();
    await vi.advanceTimersByTimeAsync(1000);
    live.stop();
    expect(counts).toEqual([0, 2]);
  });

  it('survives a failed poll', async () => {
    const api = { get: vi.fn(async () => { throw new Error('offline'); }) };
    const live = createLive(api, { intervalMs: 1000, doc: null });
    await live.start();
    expect(live.unread).toBe(0);
    live.stop();
  });
});
