// What changes while a page is open: the unread-notifications badge and "N new posts" on the feed.
// Today by polling the existing endpoints (every 30 s, and when the tab comes back into view);
// this is the one module to switch when the server pushes them (SSE, issue #21).

import { countNew } from './pager.js';

export const POLL_MS = 30_000;

export function createLive(api, { intervalMs = POLL_MS, doc = globalThis.document } = {}) {
  const listeners = new Set();
  let unread = 0;
  let feed = null; // {pager, onCount}
  let timer = null;

  const emit = () => listeners.forEach((listener) => listener(unread));

  async function pollUnread() {
    try {
      const answer = await api.get('/api/notifications/unread-count');
      if (answer.count !== unread) {
        unread = answer.count;
        emit();
      }
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
  const onVisible = () => doc?.visibilityState !== 'hidden' && poll();

  return {
    get unread() {
      return unread;
    },
    /** Starts polling for the logged-in user; polls once right away. */
    start() {
      if (timer) return poll();
      timer = setInterval(poll, intervalMs);
      doc?.addEventListener('visibilitychange', onVisible);
      globalThis.addEventListener?.('focus', onVisible);
      return poll();
    },
    stop() {
      clearInterval(timer);
      timer = null;
      doc?.removeEventListener('visibilitychange', onVisible);
      globalThis.removeEventListener?.('focus', onVisible);
      feed = null;
      unread = 0;
      emit();
    },
    /** After the user read notifications here: ask again now rather than in 30 s. */
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
