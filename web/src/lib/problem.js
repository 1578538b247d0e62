// Turns what the API answers on failure (RFC 9457 problem+json, or no answer at all) into one
// sentence a person can act on. Kept free of the DOM so that every branch is unit-tested.

const BY_STATUS = {
  400: 'That did not work: please check what you entered.',
  401: 'Please log in again.',
  403: 'You are not allowed to do that.',
  404: 'Not found: it may have been deleted, or it is hidden from you.',
  409: 'That conflicts with something that already exists.',
  413: 'That file is too large.',
  415: 'That file type is not supported.',
  429: 'Too many requests.',
};

/** An API call that failed: status 0 means the server could not be reached. */
export class ApiError extends Error {
  constructor(status, problem = null, retryAfterSeconds = null) {
    super(describeProblem(status, problem, retryAfterSeconds));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The message for one form field, from the problem's `errors` list, if any. */
  fieldMessage(field) {
    const found = (this.problem?.errors || []).find((e) => e.field === field);
    return found ? found.message : null;
  }
}

/**
 * Retry-After is either delay-seconds or an HTTP-date (RFC 9110 section 10.2.3); answers whole
 * seconds from now, or null when absent or unreadable.
 */
export function parseRetryAfter(value, now = Date.now()) {
  if (value == null || value === '') return null;
  const text = String(value).trim();
  if (/^\d+$/.test(text)) return Number(text);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

export function describeRetry(seconds) {
  if (seconds == null) return 'Please wait a moment and try again.';
  if (seconds <= 1) return 'Please try again in a second.';
  if (seconds < 90) return `Please try again in ${seconds} seconds.`;
  return `Please try again in ${Math.ceil(seconds / 60)} minutes.`;
}

export function describeProblem(status, problem, retryAfterSeconds = null) {
  if (status === 0) return 'Cannot reach Glimpse. Check your connection and try again.';
  if (status === 429) return `${BY_STATUS[429]} ${describeRetry(retryAfterSeconds)}`;
  const fields = (problem?.errors || [])
    .filter((e) => e && e.message)
    .map((e) => (e.field ? `${e.field}: ${e.message}` : e.message));
  if (fields.length) return fields.join('; ');
  const text = problem?.detail || problem?.title;
  if (text && !(status >= 500)) return text;
  if (status >= 500) return 'Something went wrong on our side. Please try again.';
  return BY_STATUS[status] || `The request failed (${status}).`;
}
