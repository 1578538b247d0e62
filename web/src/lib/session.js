// The logged-in session: the tokens and the user. Kept in memory and in localStorage (so a reload
// or a second tab stays logged in), never in a URL. Every read goes through storage first, so two
// tabs share one refresh token instead of each rotating its own (a reused one revokes the family).

const KEY = 'glimpse.session';

export function createSession(storage = globalThis.localStorage) {
  let memory = null;
  const listeners = new Set();

  function read() {
    if (!storage) return memory;
    try {
      const stored = storage.getItem(KEY);
      memory = stored ? JSON.parse(stored) : null;
    } catch {
      // Storage unavailable (private mode) or corrupt: memory still works for this page.
    }
    return memory;
  }

  function write(value) {
    memory = value;
    try {
      if (value) storage?.setItem(KEY, JSON.stringify(value));
      else storage?.removeItem(KEY);
    } catch {
      // As above: the session then lasts as long as the page.
    }
    listeners.forEach((listener) => listener(value));
  }

  return {
    get: read,
    accessToken: () => read()?.accessToken ?? null,
    refreshToken: () => read()?.refreshToken ?? null,
    user: () => read()?.user ?? null,
    /** From register/login ({user, accessToken, refreshToken}) or refresh (tokens only). */
    update(answer) {
      const current = read() || {};
      write({
        user: answer.user ?? current.user ?? null,
        accessToken: answer.accessToken,
        refreshToken: answer.refreshToken,
      });
    },
    setUser(user) {
      const current = read();
      if (current) write({ ...current, user });
    },
    clear: () => write(null),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
