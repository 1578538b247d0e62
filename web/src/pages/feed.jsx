import { useEffect, useState } from 'preact/hooks';
import { useApp, usePager } from '../hooks.js';
import { query } from '../lib/api.js';
import { More, useRequireLogin } from '../components/ui.jsx';
import { PostCard } from '../components/post.jsx';

export function Feed() {
  const user = useRequireLogin();
  const { api, live } = useApp();
  const pager = usePager((cursor) => api.get(`/api/timeline${query({ cursor })}`), [user?.id]);
  const [fresh, setFresh] = useState({ count: 0, items: [] });
  useEffect(() => {
    if (!pager) return undefined;
    return live.watchFeed(pager, (count, items) => setFresh({ count, items }));
  }, [pager]);
  if (!user || !pager) return null;
  const showNew = () => {
    pager.prepend(fresh.items);
    setFresh({ count: 0, items: [] });
    window.scrollTo({ top: 0 });
  };
  return (
    <section class="feed">
      <h1 class="visually-hidden">Your feed</h1>
      {fresh.count > 0 && (
        <button type="button" class="new-posts" onClick={showNew}>
          {fresh.count >= 20 ? '20+' : fresh.count} new {fresh.count === 1 ? 'post' : 'posts'}
        </button>
      )}
      {pager.items.map((post) => <PostCard key={post.id} post={post} onChange={pager.replace} />)}
      <More pager={pager} empty={<>Your feed is empty. <a href="/search">Find people to follow</a> or <a href="/upload">post something</a>.</>} />
    </section>
  );
}
