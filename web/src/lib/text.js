// Captions as parts: plain text, #tags (linked to search) and @mentions (linked to the profile).
// The patterns follow the API: tags are letters, digits and _, usernames a-z 0-9 _ and . (3-30).

const TOKEN = /([#＃][\p{L}\p{N}_]+)|(@[a-z0-9_.]{3,30})/giu;

export function captionParts(text) {
  const parts = [];
  let last = 0;
  for (const match of (text || '').matchAll(TOKEN)) {
    const before = match.index > 0 ? text[match.index - 1] : '';
    // "mail@example.com" and "a#b" are not mentions or tags: a token starts a word.
    if (before && /[\p{L}\p{N}_]/u.test(before)) continue;
    if (match.index > last) parts.push({ type: 'text', text: text.slice(last, match.index) });
    const token = match[0];
    const mention = match[2] ? token.slice(1).replace(/\.+$/, '') : null;
    if (match[1]) {
      parts.push({ type: 'tag', text: token, tag: token.slice(1).toLowerCase() });
      last = match.index + token.length;
    } else {
      // A sentence's full stop after a mention is not part of the username.
      parts.push({ type: 'mention', text: `@${mention}`, username: mention.toLowerCase() });
      last = match.index + 1 + mention.length;
    }
  }
  if (last < (text || '').length) parts.push({ type: 'text', text: text.slice(last) });
  return parts;
}

/** Tags typed as "#sun, beach sea" become ["sun", "beach", "sea"]. */
export function parseTags(input) {
  const seen = new Set();
  return (input || '')
    .split(/[\s,]+/)
    .map((tag) => tag.replace(/^[#＃]+/, '').toLowerCase())
    .filter((tag) => tag && !seen.has(tag) && seen.add(tag));
}

/** "5m", "3h", "2d", then the date: how feeds show time. */
export function ago(iso, now = Date.now()) {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return 'now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)}h`;
  if (seconds < 7 * 86400) return `${Math.floor(seconds / 86400)}d`;
  return new Date(iso).toLocaleDateString();
}

/** Only a path on this site may be a place to come back to after login (no open redirect). */
export function safeNext(next) {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
    ? next : '/feed';
}
