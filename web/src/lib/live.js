// What changes while a page is open: the unread-notifications badge and "N new posts" on the feed.
// Pushed by the server over Server-Sent Events (GET /api/stream, docs/live-updates.md): a
// single-use ticket from POST /api/stream/tickets opens an EventSource (which cannot send the
// Authorization header; the access token never goes in a URL). Reconnects fetch a new ticket and
// resume with the last event's id. Where the stream is refused (its feature flag is off: 404),
// unsupported, or down, the module polls the existing endpoints every 30 s instead, and when the
// tab comes back into view.

import { countNew } from './pager.js';

export const POLL_MS = 30_000;
/** Waits before reconnecting a stream that failed: doubling from the first, up to the last. */
export const RECONNECT_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

export function createLive(
  api,
  {
    intervalMs = POLL_MS,
    doc = globalThis.document,
    baseUrl = '',
    EventSource = globalThis.EventSource,
    reconnectMs = RECONNECT_MS,
    setTimer = (fn, ms) => setTimeout(fn, ms),
    clearTimer = (id) => clearTimeout(id),
  } = {},
) {
  const listeners = new Set();
  let unread = 0;
  let feed = null; // {pager, onCount}
  let timer = null;
  let running = false;
  let source = null; // the open EventSource
  let lastEventId = null;
  let failures = 0;
  let reconnect = null;
  let generation = 0; // a stop() or a new start() makes late answers of the old one harmless

  const emit = () => listeners.forEach((listener) => listener(unread));
  const setUnread = (count) => {
    if (count !== unread) {
      unread = count;
      emit();
    }
  };

  async function pollUnread() {
    try {
      const answer = await api.get('/api/notifications/unread-count');
      setUnread(answer.count);
    } catch {
      // A failed poll changes nothing; the next one tries again.
    }
  }

  async function pollFeed() {
    const watched = feed;
    if (!watched) return;
    try {
      const page = await api.get('/api/timeline?limit=20');
      if (feed === watched) watched.onCount(countNew(page.items, watched.pager), page.items);
    } catch {
      // As above.
    }
  }

  const poll = () => Promise.all([pollUnread(), pollFeed()]);
  const onVisible = () => doc?.visibilityState !== 'hidden' && !source && poll();

  function startPolling() {
    if (!timer && running) timer = setInterval(poll, intervalMs);
  }

  function stopPolling() {
    clearInterval(timer);
    timer = null;
  }

  function closeStream() {
    source?.close();
    source = null;
    clearTimer(reconnect);
    reconnect = null;
  }

  /** Opens the stream; answers false when the server refuses it for good (flag off) or there is no EventSource. */
  async function connect(mine) {
    if (!EventSource || !api.post) return false;
    let ticket;
    try {
      ticket = (await api.post('/api/stream/tickets')).ticket;
    } catch (error) {
      if (mine !== generation) return true;
      if (error?.status === 404) return false; // the live-stream flag is off for this user
      scheduleReconnect(mine);
      return true;
    }
    if (mine !== generation) return true;
    const resume = lastEventId ? `&lastEventId=${encodeURIComponent(lastEventId)}` : '';
    const opened = new EventSource(`${baseUrl}/api/stream?ticket=${encodeURIComponent(ticket)}${resume}`);
    source = opened;
    const on = (type, handle) =>
      opened.addEventListener(type, (event) => {
        if (source !== opened) return;
        if (event.lastEventId) lastEventId = event.lastEventId;
        handle(event.data ? JSON.parse(event.data) : {});
      });
    on('ready', () => {
      failures = 0;
      stopPolling();
    });
    on('unread-count', (data) => setUnread(data.count));
    on('timeline.post', () => pollFeed());
    on('post.deleted', () => pollFeed());
    on('reset', () => poll()); // missed events are gone: read the state afresh
    opened.onerror = () => {
      if (source !== opened) return;
      // EventSource would retry with the same, now used, ticket: reconnect with a new one instead.
      opened.close();
      source = null;
      scheduleReconnect(mine);
    };
    return true;
  }

  function scheduleReconnect(mine) {
    startPolling(); // meanwhile, the badge still moves
    const wait = reconnectMs[Math.min(failures, reconnectMs.length - 1)];
    failures += 1;
    reconnect = setTimer(async () => {
      reconnect = null;
      if (mine === generation && running && !(await connect(mine))) startPolling();
    }, wait);
  }

  return {
    get unread() {
      return unread;
    },
    /** Whether the server pushes changes now (false: polling). */
    get streaming() {
      return source !== null;
    },
    /** Starts for the logged-in user: reads the state once, then opens the stream (or polls). */
    async start() {
      if (running) return poll();
      running = true;
      const mine = ++generation;
      doc?.addEventListener('visibilitychange', onVisible);
      globalThis.addEventListener?.('focus', onVisible);
      const first = poll();
      if (!(await connect(mine)) && mine === generation) startPolling();
      return first;
    },
    stop() {
      running = false;
      generation += 1;
      stopPolling();
      closeStream();
      lastEventId = null;
      failures = 0;
      doc?.removeEventListener('visibilitychange', onVisible);
      globalThis.removeEventListener?.('focus', onVisible);
      feed = null;
      unread = 0;
      emit();
    },
    /** After the user read notifications here: ask now (the stream also says so, a moment later). */
    refreshUnread: pollUnread,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** The feed page: onCount(n, latestItems) is told how many posts are newer than the pager's. */
    watchFeed(pager, onCount) {
      feed = { pager, onCount };
      return () => {
        if (feed?.pager === pager) feed = null;
      };
    },
    poll,
  };
}
