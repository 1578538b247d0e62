import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLive } from '../src/lib/live.js';
import { createCursorPager } from '../src/lib/pager.js';

describe('live updates by polling (no stream)', () => {
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

describe('live updates over the stream', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A stand-in for the browser's EventSource: the test sends it events and errors. */
  function fakeEventSource() {
    const opened = [];
    class FakeEventSource {
      constructor(url) {
        this.url = url;
        this.listeners = {};
        this.closed = false;
        opened.push(this);
      }
      addEventListener(type, listener) {
        (this.listeners[type] ||= []).push(listener);
      }
      close() {
        this.closed = true;
      }
      send(type, data, id) {
        (this.listeners[type] || []).forEach((listener) =>
          listener({ type, data: JSON.stringify(data), lastEventId: id }),
        );
      }
      fail() {
        this.onerror?.({});
      }
    }
    return { FakeEventSource, opened };
  }

  function streamApi(state) {
    let tickets = 0;
    return {
      get: vi.fn(async (path) => {
        if (path === '/api/notifications/unread-count') return { count: state.unread };
        if (path.startsWith('/api/timeline')) return { items: state.timeline, nextCursor: null };
        throw new Error(path);
      }),
      post: vi.fn(async (path) => {
        if (path !== '/api/stream/tickets') throw new Error(path);
        if (state.refuse) throw Object.assign(new Error('off'), { status: state.refuse });
        tickets += 1;
        return { ticket: `t${tickets}`, expiresIn: 30 };
      }),
    };
  }

  it('opens the stream with a ticket and moves the badge on unread-count, without polling', async () => {
    const state = { unread: 1, timeline: [] };
    const api = streamApi(state);
    const { FakeEventSource, opened } = fakeEventSource();
    const live = createLive(api, { intervalMs: 1000, doc: null, baseUrl: 'https://api.example', EventSource: FakeEventSource });
    const seen = [];
    live.subscribe((count) => seen.push(count));
    await live.start();
    expect(opened).toHaveLength(1);
    expect(opened[0].url).toBe('https://api.example/api/stream?ticket=t1');
    opened[0].send('ready', { resumed: false }, '5-0');
    expect(live.streaming).toBe(true);
    opened[0].send('unread-count', { count: 4 }, '6-0');
    await vi.advanceTimersByTimeAsync(5000);
    expect(seen).toEqual([1, 4]);
    expect(api.get).toHaveBeenCalledTimes(1); // the first read only: no polling while streaming
    live.stop();
  });

  it('reads the feed again when a post enters the timeline or leaves it', async () => {
    const state = { unread: 0, timeline: [{ id: 'a' }] };
    const api = streamApi(state);
    const { FakeEventSource, opened } = fakeEventSource();
    const pager = createCursorPager(async () => ({ items: [{ id: 'a' }], nextCursor: null }));
    await pager.next();
    const live = createLive(api, { doc: null, EventSource: FakeEventSource });
    const counts = [];
    live.watchFeed(pager, (count) => counts.push(count));
    await live.start();
    opened[0].send('ready', {}, '1-0');
    state.timeline = [{ id: 'b' }, { id: 'a' }];
    opened[0].send('timeline.post', { postId: 'b' }, '2-0');
    await vi.advanceTimersByTimeAsync(0);
    state.timeline = [{ id: 'a' }];
    opened[0].send('post.deleted', { postId: 'b' }, '3-0');
    await vi.advanceTimersByTimeAsync(0);
    expect(counts).toEqual([0, 1, 0]);
    live.stop();
  });

  it('reconnects with a new ticket and the last event id, polling meanwhile', async () => {
    const state = { unread: 0, timeline: [] };
    const api = streamApi(state);
    const { FakeEventSource, opened } = fakeEventSource();
    const live = createLive(api, { intervalMs: 500, doc: null, EventSource: FakeEventSource, reconnectMs: [1000] });
    await live.start();
    opened[0].send('ready', {}, '7-0');
    opened[0].send('unread-count', { count: 1 }, '8-0');
    opened[0].fail();
    expect(opened[0].closed).toBe(true);
    expect(live.streaming).toBe(false);
    state.unread = 2;
    await vi.advanceTimersByTimeAsync(600);
    expect(live.unread).toBe(2); // polled while the stream is down
    await vi.advanceTimersByTimeAsync(500);
    expect(opened).toHaveLength(2);
    expect(opened[1].url).toBe('/api/stream?ticket=t2&lastEventId=8-0');
    live.stop();
    expect(opened[1].closed).toBe(true);
  });

  it('reads everything again on reset', async () => {
    const state = { unread: 0, timeline: [] };
    const api = streamApi(state);
    const { FakeEventSource, opened } = fakeEventSource();
    const live = createLive(api, { doc: null, EventSource: FakeEventSource });
    await live.start();
    opened[0].send('ready', {}, '1-0');
    state.unread = 9;
    opened[0].send('reset', { reason: 'gone' }, '20-0');
    await vi.advanceTimersByTimeAsync(0);
    expect(live.unread).toBe(9);
    live.stop();
  });

  it('falls back to polling when the stream is off for this user', async () => {
    const state = { unread: 0, timeline: [], refuse: 404 };
    const api = streamApi(state);
    const { FakeEventSource, opened } = fakeEventSource();
    const live = createLive(api, { intervalMs: 1000, doc: null, EventSource: FakeEventSource });
    await live.start();
    expect(opened).toHaveLength(0);
    state.unread = 3;
    await vi.advanceTimersByTimeAsync(1000);
    expect(live.unread).toBe(3);
    expect(live.streaming).toBe(false);
    live.stop();
  });

  it('polls where there is no EventSource', async () => {
    const state = { unread: 0, timeline: [] };
    const live = createLive(streamApi(state), { intervalMs: 1000, doc: null, EventSource: undefined });
    await live.start();
    state.unread = 5;
    await vi.advanceTimersByTimeAsync(1000);
    expect(live.unread).toBe(5);
    live.stop();
  });
});
