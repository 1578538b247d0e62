import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../hooks.js';
import { altText, feedImage, isProcessing } from '../lib/images.js';
import { Caption, ErrorMessage, Time, UserLine } from './ui.jsx';

const PROCESSING_POLL_MS = 1500;
const PROCESSING_POLL_MAX = 40;

function MediaItem({ post, media, index }) {
  const image = feedImage(media);
  const alt = altText(post, index);
  const ratio = media.width && media.height ? `${media.width} / ${media.height}` : '1 / 1';
  if (image) {
    return (
      <img class="media" src={image.src} srcset={image.srcset} sizes="(max-width: 640px) 100vw, 600px"
        width={image.width} height={image.height} alt={alt} loading={index === 0 ? 'eager' : 'lazy'} />
    );
  }
  return (
    <div class="media media-placeholder" style={{ aspectRatio: ratio }} role="img"
      aria-label={`${alt} (${media.status === 'FAILED' ? 'could not be processed' : 'processing'})`}>
      {media.status === 'FAILED' ? 'This image could not be processed' : 'Processing…'}
    </div>
  );
}

/** Several images: one at a time, with buttons and arrow keys to move between them. */
function Gallery({ post }) {
  const [index, setIndex] = useState(0);
  const count = post.media.length;
  if (!count) return null;
  const go = (i) => setIndex((i + count) % count);
  return (
    <div class="gallery" onKeyDown={(e) => {
      if (e.key === 'ArrowRight') go(index + 1);
      if (e.key === 'ArrowLeft') go(index - 1);
    }}>
      <MediaItem post={post} media={post.media[index]} index={index} />
      {count > 1 && (
        <div class="gallery-nav">
          <button type="button" class="icon" aria-label="Previous photo" onClick={() => go(index - 1)}>‹</button>
          <span aria-live="polite">{index + 1} / {count}</span>
          <button type="button" class="icon" aria-label="Next photo" onClick={() => go(index + 1)}>›</button>
        </div>
      )}
    </div>
  );
}

/** Keeps a post whose images are still being processed up to date until they are ready. */
export function useProcessedPost(post, onUpdate) {
  const { api } = useApp();
  useEffect(() => {
    if (!post || !isProcessing(post)) return undefined;
    let tries = 0;
    const timer = setInterval(async () => {
      tries += 1;
      try {
        const fresh = await api.get(`/api/posts/${post.id}`);
        if (!isProcessing(fresh) || tries >= PROCESSING_POLL_MAX) {
          clearInterval(timer);
          onUpdate(fresh);
        }
      } catch {
        if (tries >= PROCESSING_POLL_MAX) clearInterval(timer);
      }
    }, PROCESSING_POLL_MS);
    return () => clearInterval(timer);
  }, [post?.id, post && isProcessing(post)]);
}

export function LikeButton({ post, onChange }) {
  const { api, user } = useApp();
  const [error, setError] = useState(null);
  const toggle = async () => {
    setError(null);
    const liked = !post.likedByMe;
    // Shown at once, undone if the API refuses.
    onChange({ ...post, likedByMe: liked, likesCount: post.likesCount + (liked ? 1 : -1) });
    try {
      if (liked) await api.post(`/api/posts/${post.id}/likes`);
      else await api.del(`/api/posts/${post.id}/likes`);
    } catch (e) {
      onChange(post);
      setError(e);
    }
  };
  return (
    <>
      <button type="button" class={`like ${post.likedByMe ? 'liked' : ''}`} aria-pressed={post.likedByMe ? 'true' : 'false'}
        disabled={!user} title={user ? '' : 'Log in to like'} onClick={toggle}>
        <span aria-hidden="true">{post.likedByMe ? '♥' : '♡'}</span> {post.likedByMe ? 'Liked' : 'Like'}
      </button>
      <ErrorMessage error={error} />
    </>
  );
}

export function PostCard({ post, onChange, link = true }) {
  useProcessedPost(post, onChange);
  return (
    <article class="card post" aria-label={`Post by @${post.author.username}`}>
      <UserLine user={post.author}>
        <a class="muted" href={`/p/${post.id}`} aria-label="Open post"><Time iso={post.createdAt} /></a>
      </UserLine>
      <Gallery post={post} />
      {post.caption && <p class="caption"><Caption text={post.caption} />{post.editedAt && <span class="muted"> (edited)</span>}</p>}
      <div class="actions">
        <LikeButton post={post} onChange={onChange} />
        <span class="count" data-testid="likes">{post.likesCount} {post.likesCount === 1 ? 'like' : 'likes'}</span>
        {link
          ? <a class="count" href={`/p/${post.id}`}>{post.commentsCount} {post.commentsCount === 1 ? 'comment' : 'comments'}</a>
          : <span class="count">{post.commentsCount} {post.commentsCount === 1 ? 'comment' : 'comments'}</span>}
      </div>
    </article>
  );
}

/** The square grid of a profile or search: thumbnails, or the caption for a text-only post. */
export function PostGrid({ posts }) {
  return (
    <ul class="grid">
      {posts.map((post) => {
        const first = post.media[0];
        return (
          <li key={post.id}>
            <a href={`/p/${post.id}`} aria-label={`Post by @${post.author.username}: ${(post.caption || 'photo').slice(0, 80)}`}>
              {first?.thumbnailUrl
                ? <img src={first.thumbnailUrl} alt={altText(post, 0)} width="320" height="320" loading="lazy" />
                : <span class="grid-text">{first ? 'Processing…' : post.caption}</span>}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
