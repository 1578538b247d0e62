import { beforeEach, describe, expect, it } from 'vitest';
import { createApi, query } from '../src/lib/api.js';
import { createSession } from '../src/lib/session.js';

function memoryStorage() {
  const values = new Map();
  return { getItem: (k) => values.get(k) ?? null, setItem: (k, v) => values.set(k, v), removeItem: (k) => values.delete(k) };
}

/** A fake API: `routes` answer by "METHOD path", and every call is recorded. */
function fakeServer(routes) {
  const calls = [];
  const transport = async (request) => {
    calls.push(request);
    const route = routes[`${request.method} ${request.url}`];
    if (!route) return { status: 404, header: () => null, text: '' };
    const { status, body, headers = {} } = await route(request);
    return { status, header: (name) => headers[name] ?? null, text: body === undefined ? '' : JSON.stringify(body) };
  };
  return { calls, transport };
}

const bearer = (request) => request.headers.Authorization;

describe('api client', () => {
  let session;
  let lost;
  beforeEach(() => {
    session = createSession(memoryStorage());
    session.update({ user: { username: 'ann' }, accessToken: 'old', refreshToken: 'r1' });
    lost = 0;
  });

  it('sends the access token and parses JSON', async () => {
    const server = fakeServer({ 'GET /api/auth/me': async () => ({ status: 200, body: { username: 'ann' } }) });
    const api = createApi({ baseUrl: '', session, transport: server.transport });
    expect(await api.get('/api/auth/me')).toEqual({ username: 'ann' });
    expect(bearer(server.calls[0])).toBe('Bearer old');
  });

  it('prefixes the configured API origin', async () => {
    const server = fakeServer({ 'GET https://api.example/api/x': async () => ({ status: 204 }) });
    const api = createApi({ baseUrl: 'https://api.example', session, transport: server.transport });
    expect(await api.get('/api/x')).toBeNull();
  });

  it('refreshes once for concurrent 401s and retries each request with the new token', async () => {
    let refreshes = 0;
    let release;
    const gate = new Promise((resolve) => { release = resolve; });
    const server = fakeServer({
      'GET /api/a': async (r) => (bearer(r) === 'Bearer new' ? { status: 200, body: 'a' } : { status: 401 }),
      'GET /api/b': async (r) => (bearer(r) === 'Bearer new' ? { status: 200, body: 'b' } : { status: 401 }),
      'POST /api/auth/refresh': async (r) => {
        refreshes += 1;
        expect(JSON.parse(r.body)).toEqual({ refreshToken: 'r1' });
        await gate;
        return { status: 200, body: { accessToken: 'new', refreshToken: 'r2', expiresIn: 900 } };
      },
    });
    const api = createApi({ session, transport: server.transport, onAuthLost: () => { lost += 1; } });
    const both = Promise.all([api.get('/api/a'), api.get('/api/b')]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    expect(await both).toEqual(['a', 'b']);
    expect(refreshes).toBe(1);
    expect(session.refreshToken()).toBe('r2');
    expect(session.user()).toEqual({ username: 'ann' });
    expect(lost).toBe(0);
  });

  it('does not refresh again when another request already did', async () => {
    let refreshes = 0;
    const server = fakeServer({
      'GET /api/a': async (r) => {
        if (bearer(r) === 'Bearer old') {
          session.update({ accessToken: 'other', refreshToken: 'r9' }); // e.g. another tab refreshed meanwhile
          return { status: 401 };
        }
        return { status: 200, body: bearer(r) };
      },
      'POST /api/auth/refresh': async () => { refreshes += 1; return { status: 500 }; },
    });
    const api = createApi({ session, transport: server.transport });
    expect(await api.get('/api/a')).toBe('Bearer other');
    expect(refreshes).toBe(0);
  });

  it('ends the session and reports it only when the refresh token is refused', async () => {
    const server = fakeServer({
      'GET /api/a': async () => ({ status: 401, body: { status: 401, title: 'Unauthorized', detail: 'Token expired' } }),
      'POST /api/auth/refresh': async () => ({ status: 401, body: { status: 401, detail: 'Refresh token revoked' } }),
    });
    const api = createApi({ session, transport: server.transport, onAuthLost: () => { lost += 1; } });
    await expect(api.get('/api/a')).rejects.toMatchObject({ status: 401, message: 'Token expired' });
    expect(lost).toBe(1);
    expect(session.get()).toBeNull();
  });

  it('keeps the session when the refresh itself is rate limited', async () => {
    const server = fakeServer({
      'GET /api/a': async () => ({ status: 401 }),
      'POST /api/auth/refresh': async () => ({ status: 429, headers: { 'Retry-After': '7' }, body: { status: 429 } }),
    });
    const api = createApi({ session, transport: server.transport, onAuthLost: () => { lost += 1; } });
    await expect(api.get('/api/a')).rejects.toMatchObject({ status: 429, retryAfterSeconds: 7,
      message: 'Too many requests. Please try again in 7 seconds.' });
    expect(lost).toBe(0);
    expect(session.refreshToken()).toBe('r1');
  });

  it('does not try to refresh for an anonymous caller', async () => {
    session.clear();
    const server = fakeServer({ 'POST /api/posts/1/likes': async () => ({ status: 401, body: { detail: 'Log in first' } }) });
    const api = createApi({ session, transport: server.transport });
    await expect(api.post('/api/posts/1/likes')).rejects.toMatchObject({ status: 401, message: 'Log in first' });
    expect(server.calls).toHaveLength(1);
    expect(bearer(server.calls[0])).toBeUndefined();
  });

  it('maps a network failure and a non-JSON error page', async () => {
    const offline = createApi({ session, transport: async () => { throw new TypeError('Failed to fetch'); } });
    await expect(offline.get('/api/a')).rejects.toMatchObject({ status: 0 });
    const proxy = createApi({ session, transport: async () => ({ status: 502, header: () => null, text: '<html>Bad gateway</html>' }) });
    await expect(proxy.get('/api/a')).rejects.toMatchObject({ status: 502, message: 'Something went wrong on our side. Please try again.' });
  });

  it('builds query strings without empty values', () => {
    expect(query({ q: '#sun set', limit: 20, cursor: undefined, offset: '' })).toBe('?q=%23sun+set&limit=20');
    expect(query({})).toBe('');
  });
});
