import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useAction, useApp, useLoad, usePager } from '../hooks.js';
import { query } from '../lib/api.js';
import { parseTags } from '../lib/text.js';
import { Caption, ErrorMessage, Loading, More, Time, UserLine } from '../components/ui.jsx';
import { PostCard } from '../components/post.jsx';

function PostEditor({ post, onSaved, onCancel }) {
  const { api } = useApp();
  const [caption, setCaption] = useState(post.caption || '');
  const [tags, setTags] = useState((post.tags || []).join(' '));
  const action = useAction();
  const save = (event) => {
    event.preventDefault();
    action.run(async () => onSaved(await api.patch(`/api/posts/${post.id}`, { caption, tags: parseTags(tags) })));
  };
  return (
    <form class="card" onSubmit={save} aria-label="Edit post">
      <label class="field"><span>Caption</span>
        <textarea name="caption" rows="3" maxLength={2200} value={caption} onInput={(e) => setCaption(e.currentTarget.value)} />
      </label>
      <label class="field"><span>Tags</span>
        <input name="tags" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
      </label>
      <ErrorMessage error={action.error} />
      <button type="submit" disabled={action.busy}>Save</button> <button type="button" class="secondary" onClick={onCancel}>Cancel</button>
    </form>
  );
}

function Comment({ comment, post, onReplace, onRemove }) {
  const { api, user } = useApp();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(comment.text);
  const action = useAction();
  const mine = user && user.id === comment.author.id;
  const mayDelete = mine || (user && user.id === post.author.id);
  const save = (event) => {
    event.preventDefault();
    action.run(async () => {
      onReplace(await api.patch(`/api/posts/${post.id}/comments/${comment.id}`, { text }));
      setEditing(false);
    });
  };
  const remove = () => window.confirm('Delete this comment?') && action.run(async () => {
    await api.del(`/api/posts/${post.id}/comments/${comment.id}`);
    onRemove(comment.id);
  });
  return (
    <li class="comment">
      <UserLine user={comment.author}><span class="muted"><Time iso={comment.createdAt} />{comment.editedAt && ' (edited)'}</span></UserLine>
      {editing ? (
        <form onSubmit={save} aria-label="Edit comment">
          <label class="field"><span class="visually-hidden">Comment</span>
            <textarea name="text" rows="2" maxLength={1000} required value={text} onInput={(e) => setText(e.currentTarget.value)} />
          </label>
          <button type="submit" disabled={action.busy}>Save</button> <button type="button" class="secondary" onClick={() => setEditing(false)}>Cancel</button>
        </form>
      ) : <p class="comment-text"><Caption text={comment.text} /></p>}
      <div class="row">
        {mine && !editing && <button type="button" class="link" onClick={() => setEditing(true)}>Edit</button>}
        {mayDelete && <button type="button" class="link danger" onClick={remove}>Delete</button>}
      </div>
      <ErrorMessage error={action.error} />
    </li>
  );
}

function Comments({ post, onCount }) {
  const { api, user } = useApp();
  const pager = usePager((cursor) => api.get(`/api/posts/${post.id}/comments${query({ cursor })}`), [post.id]);
  const [text, setText] = useState('');
  const action = useAction();
  if (!pager) return null;
  const add = (event) => {
    event.preventDefault();
    action.run(async () => {
      const comment = await api.post(`/api/posts/${post.id}/comments`, { text });
      pager.append([comment]);
      setText('');
      onCount(1);
    });
  };
  return (
    <section class="card" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments</h2>
      <ul class="comments">
        {pager.items.map((comment) => <Comment key={comment.id} comment={comment} post={post}
          onReplace={pager.replace} onRemove={(removed) => { pager.remove(removed); onCount(-1); }} />)}
      </ul>
      <More pager={pager} empty="No comments yet." />
      {user ? (
        <form onSubmit={add} class="comment-form">
          <label class="field"><span>Add a comment</span>
            <textarea name="comment" rows="2" maxLength={1000} required value={text} onInput={(e) => setText(e.currentTarget.value)} />
          </label>
          <ErrorMessage error={action.error} />
          <button type="submit" disabled={action.busy}>Post comment</button>
        </form>
      ) : <p><a href={`/login?next=${encodeURIComponent(`/p/${post.id}`)}`}>Log in</a> to comment.</p>}
    </section>
  );
}

export function PostPage({ id }) {
  const { api, user } = useApp();
  const location = useLocation();
  const post = useLoad(() => api.get(`/api/posts/${encodeURIComponent(id)}`), [id, user?.id]);
  const [editing, setEditing] = useState(false);
  const action = useAction();
  if (post.loading && !post.data) return <Loading />;
  if (post.error) return <section class="card narrow"><h1>Post not available</h1><ErrorMessage error={post.error} /></section>;
  const data = post.data;
  const mine = user && user.id === data.author.id;
  const remove = () => window.confirm('Delete this post? This cannot be undone.') && action.run(async () => {
    await api.del(`/api/posts/${data.id}`);
    location.route(`/u/${data.author.username}`);
  });
  return (
    <div class="post-page">
      <h1 class="visually-hidden">Post by @{data.author.username}</h1>
      <PostCard post={data} onChange={post.setData} link={false} />
      {data.tags?.length > 0 && (
        <p class="tags">{data.tags.map((tag) => <a key={tag} class="tag" href={`/search?q=${encodeURIComponent(`#${tag}`)}`}>#{tag}</a>)}</p>
      )}
      {mine && !editing && (
        <div class="row">
          <button type="button" class="secondary" onClick={() => setEditing(true)}>Edit post</button>
          <button type="button" class="danger" onClick={remove} disabled={action.busy}>Delete post</button>
        </div>
      )}
      <ErrorMessage error={action.error} />
      {editing && <PostEditor post={data} onCancel={() => setEditing(false)} onSaved={(saved) => { post.setData(saved); setEditing(false); }} />}
      <Comments post={data} onCount={(delta) => post.setData((p) => ({ ...p, commentsCount: p.commentsCount + delta }))} />
    </div>
  );
}
