// Endless lists over the API's cursor pages ({items, nextCursor}) and search's offset pages
// ({items, total, limit, offset}). An item already shown is never shown twice, whatever the pages
// overlap, and one load runs at a time.

function keyed(items, seen, key) {
  const fresh = [];
  for (const item of items || []) {
    const id = key(item);
    if (!seen.has(id)) {
      seen.add(id);
      fresh.push(item);
    }
  }
  return fresh;
}

/**
 * @param loadPage (cursor | undefined) => Promise<{items, nextCursor}>
 * @param onChange called with the pager after each change, to re-render
 */
export function createCursorPager(loadPage, { key = (item) => item.id, onChange = () => {} } = {}) {
  const seen = new Set();
  let cursor;
  let pending = null;
  const pager = {
    items: [],
    done: false,
    error: null,
    get loading() {
      return pending !== null;
    },
    /** Loads the next page; a call while one is loading joins it. */
    next() {
      if (pager.done) return Promise.resolve(pager);
      if (pending) return pending;
      pending = loadPage(cursor)
        .then((page) => {
          pager.items = pager.items.concat(keyed(page.items, seen, key));
          const next = page.nextCursor ?? null;
          // A server answering the same cursor again would loop forever: treat it as the end.
          pager.done = next === null || next === cursor || (page.items || []).length === 0;
          cursor = next;
          pager.error = null;
          return pager;
        })
        .catch((error) => {
          pager.error = error;
          return pager;
        })
        .finally(() => {
          pending = null;
          onChange(pager);
        });
      onChange(pager);
      return pending;
    },
    /** Newer items (e.g. "N new posts") go on top, without duplicating those already shown. */
    prepend(items) {
      pager.items = keyed(items, seen, key).concat(pager.items);
      onChange(pager);
    },
    /** An item made here (a new comment) goes at the end of an oldest-first list. */
    append(items) {
      pager.items = pager.items.concat(keyed(items, seen, key));
      onChange(pager);
    },
    remove(id) {
      pager.items = pager.items.filter((item) => key(item) !== id);
      onChange(pager);
    },
    replace(item) {
      pager.items = pager.items.map((old) => (key(old) === key(item) ? item : old));
      onChange(pager);
    },
    has(id) {
      return seen.has(id);
    },
  };
  return pager;
}

/** @param loadPage (offset, limit) => Promise<{items, total}> */
export function createOffsetPager(loadPage, { limit = 20, key = (item) => item.id, onChange = () => {} } = {}) {
  let offset = 0;
  return createCursorPager(
    async () => {
      const page = await loadPage(offset, limit);
      offset += (page.items || []).length;
      return { items: page.items, nextCursor: offset < page.total && page.items.length ? String(offset) : null };
    },
    { key, onChange },
  );
}

/** How many of `latest` (newest first) are newer than what the list shows, stopping at the first known. */
export function countNew(latest, pager) {
  let count = 0;
  for (const item of latest || []) {
    if (pager.has(item.id)) break;
    count += 1;
  }
  return count;
}
