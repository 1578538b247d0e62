// Every call to the REST API goes through here: the bearer token, a silent refresh when the
// access token has expired, and failures as ApiError with a readable message.

import { ApiError, parseRetryAfter } from './problem.js';

/** fetch as the transport; uploads with progress need XMLHttpRequest (fetch reports none). */
export async function fetchTransport({ method, url, headers, body, onProgress }) {
  if (onProgress && typeof XMLHttpRequest !== 'undefined') return xhrTransport({ method, url, headers, body, onProgress });
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  return { status: response.status, header: (name) => response.headers.get(name), text };
}

function xhrTransport({ method, url, headers, body, onProgress }) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    Object.entries(headers).forEach(([name, value]) => xhr.setRequestHeader(name, value));
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onload = () => resolve({ status: xhr.status, header: (name) => xhr.getResponseHeader(name), text: xhr.responseText });
    xhr.onerror = () => reject(new TypeError('network error'));
    xhr.send(body);
  });
}

/**
 * @param baseUrl    the API origin ('' = same origin), from config.js
 * @param session    see session.js
 * @param transport  ({method, url, headers, body, onProgress}) => Promise<{status, header(name), text}>
 * @param onAuthLost called once the refresh token no longer works (the user must log in again)
 */
export function createApi({ baseUrl = '', session, transport = fetchTransport, onAuthLost = () => {} }) {
  let refreshing = null;

  async function send(method, path, { json, form, onProgress, token }) {
    const headers = {};
    let body;
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(json);
    } else if (form) {
      body = form;
    }
    if (token) headers.Authorization = `Bearer ${token}`;
    try {
      return await transport({ method, url: baseUrl + path, headers, body, onProgress });
    } catch {
      throw new ApiError(0);
    }
  }

  /**
   * One refresh at a time: every request that met a 401 while it runs waits for the same answer.
   * Resolves true when there are new tokens. Only a refused refresh token ends the session; a
   * network failure or a 429 leaves it for the next attempt.
   */
  function refresh() {
    if (!refreshing) {
      refreshing = (async () => {
        const refreshToken = session.refreshToken();
        if (!refreshToken) return false;
        const answer = await send('POST', '/api/auth/refresh', { json: { refreshToken } });
        if (answer.status >= 200 && answer.status < 300) {
          session.update(JSON.parse(answer.text));
          return true;
        }
        if (answer.status === 400 || answer.status === 401) {
          // Another tab may have rotated it meanwhile: its new token is then in storage.
          if (session.refreshToken() !== refreshToken) return true;
          session.clear();
          onAuthLost();
          return false;
        }
        throw failure(answer);
      })().finally(() => {
        refreshing = null;
      });
    }
    return refreshing;
  }

  async function request(method, path, options = {}) {
    const token = session.accessToken();
    let answer = await send(method, path, { ...options, token });
    if (answer.status === 401 && token) {
      // Someone else may have refreshed since this request set out: then just use the new token.
      const renewed = session.accessToken() !== token || (await refresh());
      if (renewed) answer = await send(method, path, { ...options, token: session.accessToken() });
    }
    if (answer.status < 200 || answer.status >= 300) throw failure(answer);
    return answer.text ? JSON.parse(answer.text) : null;
  }

  return {
    refresh,
    get: (path) => request('GET', path),
    post: (path, json) => request('POST', path, { json }),
    patch: (path, json) => request('PATCH', path, { json }),
    put: (path, json) => request('PUT', path, { json }),
    del: (path) => request('DELETE', path),
    upload: (method, path, form, onProgress) => request(method, path, { form, onProgress }),
  };
}

function failure(answer) {
  let problem = null;
  try {
    problem = answer.text ? JSON.parse(answer.text) : null;
  } catch {
    // Not JSON (a proxy's HTML page): the status alone says enough.
  }
  return new ApiError(answer.status, problem, parseRetryAfter(answer.header('Retry-After')));
}

/** A query string from an object, leaving out empty values. */
export function query(params) {
  const search = new URLSearchParams();
  Object.entries(params).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== '') search.set(name, value);
  });
  const text = search.toString();
  return text ? `?${text}` : '';
}
