import { useAction, useApp, usePager } from '../hooks.js';
import { query } from '../lib/api.js';
import { Avatar, ErrorMessage, More, Time, useRequireLogin } from '../components/ui.jsx';

const WHAT = {
  FOLLOW: 'started following you',
  LIKE: 'liked your post',
  COMMENT: 'commented on your post',
  COMMENT_LIKE: 'liked your comment',
  MENTION: 'mentioned you',
};

function target(n) {
  if (n.post) return `/p/${n.post.id}`;
  return `/u/${n.actor.username}`;
}

export function Notifications() {
  const user = useRequireLogin();
  const { api, live } = useApp();
  const pager = usePager((cursor) => api.get(`/api/notifications${query({ cursor })}`), [user?.id]);
  const action = useAction();
  if (!user || !pager) return null;
  const mark = (n, read) => action.run(async () => {
    await api.patch(`/api/notifications/${n.id}`, { read });
    pager.replace({ ...n, read });
    live.refreshUnread();
  });
  const markAll = () => action.run(async () => {
    await api.post('/api/notifications/mark-all-read');
    pager.items.forEach((n) => !n.read && pager.replace({ ...n, read: true }));
    live.refreshUnread();
  });
  return (
    <section>
      <div class="row spread">
        <h1>Notifications</h1>
        <button type="button" class="secondary" onClick={markAll} disabled={action.busy}>Mark all read</button>
      </div>
      <ErrorMessage error={action.error} />
      <ul class="notifications">
        {pager.items.map((n) => (
          <li key={n.id} class={n.read ? 'card notification' : 'card notification unread'}>
            <Avatar user={n.actor} size={36} />
            <div class="grow">
              <a href={target(n)} onClick={() => !n.read && mark(n, true)}>
                <strong>@{n.actor.username}</strong> {WHAT[n.type] || n.type.toLowerCase()}
              </a>
              {n.comment && <p class="muted">“{n.comment.text}”</p>}
              <span class="muted"> <Time iso={n.createdAt} /></span>
              {!n.read && <span class="visually-hidden"> (unread)</span>}
            </div>
            {n.post?.thumbnailUrl && <img src={n.post.thumbnailUrl} width="44" height="44" alt="" />}
            <button type="button" class="link" onClick={() => mark(n, !n.read)}>{n.read ? 'Mark unread' : 'Mark read'}</button>
          </li>
        ))}
      </ul>
      <More pager={pager} empty="No notifications yet." />
    </section>
  );
}
