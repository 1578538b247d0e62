// Which image to show for a post's media, from the renditions the API gives: the feed image (at
// most 1080 px wide) and the display image (at most 2048 px) as a srcset once READY, the square
// thumbnail for grids, and nothing but a placeholder while the renditions are still being made.

export const FEED_MAX_WIDTH = 1080;

/** {src, srcset?, width, height} for a feed-sized picture, or null while there is none. */
export function feedImage(media) {
  if (media.status === 'READY' && media.url) {
    const width = media.width || FEED_MAX_WIDTH;
    const feedWidth = Math.min(width, FEED_MAX_WIDTH);
    const srcset = media.originalUrl && width > FEED_MAX_WIDTH
      ? `${media.url} ${feedWidth}w, ${media.originalUrl} ${width}w`
      : `${media.url} ${feedWidth}w`;
    return { src: media.url, srcset, width: media.width || null, height: media.height || null };
  }
  if (media.thumbnailUrl) return { src: media.thumbnailUrl, width: null, height: null };
  return null;
}

export function isProcessing(post) {
  return (post?.media || []).some((media) => media.status === 'PROCESSING');
}

export function altText(post, index) {
  const count = post.media.length;
  const which = count > 1 ? `Photo ${index + 1} of ${count}` : 'Photo';
  const caption = (post.caption || '').trim();
  return `${which} by @${post.author.username}${caption ? `: ${caption.slice(0, 120)}` : ''}`;
}
