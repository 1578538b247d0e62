import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useApp, useOnVisible } from '../hooks.js';
import { ago, captionParts } from '../lib/text.js';

export function ErrorMessage({ error }) {
  if (!error) return null;
  return <p class="error" role="alert">{error.message || String(error)}</p>;
}

export function Loading({ label = 'Loading…' }) {
  return <p class="muted" role="status">{label}</p>;
}

export function Avatar({ user, size = 40 }) {
  const initial = (user?.displayName || user?.username || '?').slice(0, 1).toUpperCase();
  return user?.avatarUrl
    ? <img class="avatar" src={user.avatarUrl} width={size} height={size} alt={`@${user.username}'s avatar`} />
    : <span class="avatar avatar-initial" style={{ width: size, height: size, fontSize: size / 2.2 }} aria-hidden="true">{initial}</span>;
}

export function UserLine({ user, children }) {
  return (
    <div class="user-line">
      <a href={`/u/${user.username}`} class="user-link">
        <Avatar user={user} size={36} />
        <span>
          <strong>{user.displayName || user.username}</strong>
          <span class="muted"> @{user.username}</span>
        </span>
      </a>
      {children}
    </div>
  );
}

export function Caption({ text }) {
  return (
    <>
      {captionParts(text).map((part, i) => {
        if (part.type === 'tag') return <a key={i} href={`/search?q=${encodeURIComponent(`#${part.tag}`)}`}>{part.text}</a>;
        if (part.type === 'mention') return <a key={i} href={`/u/${part.username}`}>{part.text}</a>;
        return part.text;
      })}
    </>
  );
}

export function Time({ iso }) {
  return <time datetime={iso} title={new Date(iso).toLocaleString()}>{ago(iso)}</time>;
}

/** The end of an endless list: loads more when scrolled into view, or by its button. */
export function More({ pager, empty = 'Nothing here yet.' }) {
  const ref = useOnVisible(() => !pager.done && !pager.error && pager.next());
  if (!pager) return null;
  return (
    <div ref={ref} class="more">
      <ErrorMessage error={pager.error} />
      {pager.loading && <Loading />}
      {!pager.loading && !pager.done && <button type="button" class="secondary" onClick={() => pager.next()}>Load more</button>}
      {pager.done && !pager.items.length && <p class="muted">{empty}</p>}
    </div>
  );
}

/** For pages that need a login: sends the visitor to /login and back. */
export function useRequireLogin() {
  const { user } = useApp();
  const location = useLocation();
  useEffect(() => {
    if (!user) location.route(`/login?next=${encodeURIComponent(location.url)}`, true);
  }, [user]);
  return user;
}
