import { describe, expect, it } from 'vitest';
import { ApiError, describeProblem, parseRetryAfter } from '../src/lib/problem.js';

describe('problem messages', () => {
  it('lists the invalid fields of a 400', () => {
    const problem = { status: 400, title: 'Bad Request', detail: 'Invalid request content.',
      errors: [{ field: 'username', message: 'must be 3-30 characters' }, { field: 'password', message: 'size must be between 8 and 128' }] };
    expect(describeProblem(400, problem)).toBe('username: must be 3-30 characters; password: size must be between 8 and 128');
  });

  it('uses the detail, then the title, then a message for the status', () => {
    expect(describeProblem(409, { title: 'Conflict', detail: 'Username taken' })).toBe('Username taken');
    expect(describeProblem(403, { title: 'Forbidden' })).toBe('Forbidden');
    expect(describeProblem(404, null)).toMatch(/^Not found/);
    expect(describeProblem(418, null)).toBe('The request failed (418).');
  });

  it('never shows a server error detail, and explains a network failure', () => {
    expect(describeProblem(500, { detail: 'NullPointerException at ...' })).toBe('Something went wrong on our side. Please try again.');
    expect(describeProblem(0, null)).toMatch(/Cannot reach Glimpse/);
  });

  it('says when to retry after a 429', () => {
    expect(describeProblem(429, { detail: 'Rate limit exceeded' }, 12)).toBe('Too many requests. Please try again in 12 seconds.');
    expect(describeProblem(429, null, 600)).toBe('Too many requests. Please try again in 10 minutes.');
    expect(describeProblem(429, null, null)).toBe('Too many requests. Please wait a moment and try again.');
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-12-04T10:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter('Fri, 04 Dec 2026 10:01:00 GMT', now)).toBe(60);
    expect(parseRetryAfter('Fri, 04 Dec 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it('finds the message of one field', () => {
    const error = new ApiError(400, { errors: [{ field: 'email', message: 'must be a well-formed email address' }] });
    expect(error.fieldMessage('email')).toBe('must be a well-formed email address');
    expect(error.fieldMessage('username')).toBeNull();
    expect(error.message).toBe('email: must be a well-formed email address');
  });
});
