import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useAction, useApp, useLoad, usePager } from '../hooks.js';
import { query } from '../lib/api.js';
import { Avatar, Caption, ErrorMessage, Loading, More, UserLine } from '../components/ui.jsx';
import { PostGrid } from '../components/post.jsx';

const TABS = { posts: 'Posts', followers: 'Followers', following: 'Following' };

function ProfileEditor({ profile, onSaved, onClose }) {
  const { api, session, user } = useApp();
  const location = useLocation();
  const [displayName, setDisplayName] = useState(profile.displayName || '');
  const [bio, setBio] = useState(profile.bio || '');
  const action = useAction();
  const save = (event) => {
    event.preventDefault();
    action.run(async () => {
      const saved = await api.patch(`/api/users/${profile.username}`, { displayName, bio });
      session.setUser({ ...user, ...saved });
      onSaved(saved);
      onClose();
    });
  };
  const avatar = (event) => {
    const file = event.currentTarget.files[0];
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    action.run(async () => {
      const saved = await api.upload('PUT', `/api/users/${profile.username}/avatar`, form);
      session.setUser({ ...user, avatarUrl: saved.avatarUrl });
      onSaved(saved);
    });
  };
  const deleteAccount = () => window.confirm('Delete your account, your posts and comments for good?') && action.run(async () => {
    await api.del(`/api/users/${profile.username}`);
    session.clear();
    location.route('/');
  });
  return (
    <div class="card">
      <form onSubmit={save} aria-label="Edit profile">
        <label class="field"><span>Display name</span>
          <input name="displayName" maxLength={50} required value={displayName} onInput={(e) => setDisplayName(e.currentTarget.value)} />
        </label>
        <label class="field"><span>Bio ({150 - bio.length} characters left)</span>
          <textarea name="bio" rows="3" maxLength={150} value={bio} onInput={(e) => setBio(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={action.busy}>Save profile</button> <button type="button" class="secondary" onClick={onClose}>Close</button>
      </form>
      <label class="field"><span>New avatar</span>
        <input type="file" name="avatar" accept="image/jpeg,image/png,image/webp,image/gif" onChange={avatar} />
      </label>
      <ErrorMessage error={action.error} />
      <p><button type="button" class="danger" onClick={deleteAccount}>Delete account</button></p>
    </div>
  );
}

/** Follow and block buttons; after each, the profile is read again (counters, and a block ends follows). */
function Relations({ profile, onChanged }) {
  const { api, user } = useApp();
  const action = useAction();
  if (!user || user.id === profile.id) return null;
  const relation = profile;
  const toggle = (path, on) => action.run(async () => {
    if (on) await api.post(`/api/users/${profile.username}/${path}`);
    else await api.del(`/api/users/${profile.username}/${path}`);
    onChanged();
  });
  return (
    <div class="row">
      {!relation.blockedByMe && (
        <button type="button" class={relation.followedByMe ? 'secondary' : ''} disabled={action.busy}
          onClick={() => toggle('follow', !relation.followedByMe)}>
          {relation.followedByMe ? 'Unfollow' : relation.followsMe ? 'Follow back' : 'Follow'}
        </button>
      )}
      <button type="button" class="secondary danger" disabled={action.busy}
        onClick={() => (relation.blockedByMe || window.confirm(`Block @${profile.username}? You will not see each other's posts.`))
          && toggle('block', !relation.blockedByMe)}>
        {relation.blockedByMe ? 'Unblock' : 'Block'}
      </button>
      {relation.followsMe && <span class="muted">Follows you</span>}
      <ErrorMessage error={action.error} />
    </div>
  );
}

function UserList({ username, which }) {
  const { api, user } = useApp();
  const pager = usePager((cursor) => api.get(`/api/users/${username}/${which}${query({ cursor })}`), [username, which, user?.id]);
  if (!pager) return null;
  return (
    <>
      <ul class="users">{pager.items.map((u) => <li key={u.id}><UserLine user={u} /></li>)}</ul>
      <More pager={pager} empty={which === 'followers' ? 'No followers yet.' : 'Not following anyone yet.'} />
    </>
  );
}

function Posts({ username }) {
  const { api, user } = useApp();
  const pager = usePager((cursor) => api.get(`/api/users/${username}/posts${query({ cursor })}`), [username, user?.id]);
  if (!pager) return null;
  return (
    <>
      <PostGrid posts={pager.items} />
      <More pager={pager} empty="No posts yet." />
    </>
  );
}

export function Profile({ username }) {
  const { api, user } = useApp();
  const profile = useLoad(() => api.get(`/api/users/${encodeURIComponent(username)}`), [username, user?.id]);
  const [tab, setTab] = useState('posts');
  const [editing, setEditing] = useState(false);
  if (profile.loading && !profile.data) return <Loading />;
  if (profile.error) return <section class="card narrow"><h1>Profile not available</h1><ErrorMessage error={profile.error} /></section>;
  const p = profile.data;
  const mine = user && user.id === p.id;
  return (
    <div class="profile">
      <section class="card profile-head">
        <Avatar user={p} size={88} />
        <div>
          <h1>{p.displayName || p.username}</h1>
          <p class="muted">@{p.username}</p>
          {p.bio && <p class="bio"><Caption text={p.bio} /></p>}
          <p class="counters">
            <span><strong>{p.postsCount}</strong> posts</span>
            <span><strong data-testid="followers-count">{p.followersCount}</strong> followers</span>
            <span><strong>{p.followingCount}</strong> following</span>
          </p>
          {mine
            ? !editing && <button type="button" class="secondary" onClick={() => setEditing(true)}>Edit profile</button>
            : <Relations profile={p} onChanged={profile.reload} />}
        </div>
      </section>
      {editing && <ProfileEditor profile={p} onSaved={profile.setData} onClose={() => setEditing(false)} />}
      {p.blockedByMe ? (
        <p class="card muted">You blocked @{p.username}. You do not see each other's posts.</p>
      ) : (
        <>
          <div class="tabs" role="tablist" aria-label="Profile lists">
            {Object.entries(TABS).map(([key, label]) => (
              <button key={key} type="button" role="tab" aria-selected={tab === key ? 'true' : 'false'} class={tab === key ? 'tab active' : 'tab'}
                onClick={() => setTab(key)}>{label}</button>
            ))}
          </div>
          <div role="tabpanel" aria-label={TABS[tab]}>
            {tab === 'posts' ? <Posts username={p.username} /> : <UserList username={p.username} which={tab} />}
          </div>
        </>
      )}
    </div>
  );
}
