import { describe, expect, it } from 'vitest';
import { ago, captionParts, parseTags, safeNext } from '../src/lib/text.js';
import { altText, feedImage, isProcessing } from '../src/lib/images.js';

describe('captions', () => {
  it('links tags and mentions, and leaves emails and a full stop alone', () => {
    expect(captionParts('Sun with @bob. #Beach day, mail me@x.org a#b')).toEqual([
      { type: 'text', text: 'Sun with ' },
      { type: 'mention', text: '@bob', username: 'bob' },
      { type: 'text', text: '. ' },
      { type: 'tag', text: '#Beach', tag: 'beach' },
      { type: 'text', text: ' day, mail me@x.org a#b' },
    ]);
    expect(captionParts('')).toEqual([]);
  });

  it('reads tags as typed', () => {
    expect(parseTags(' #Sun, beach  sea #sun')).toEqual(['sun', 'beach', 'sea']);
    expect(parseTags('')).toEqual([]);
  });

  it('only accepts local paths to come back to', () => {
    expect(safeNext('/p/1?x=2')).toBe('/p/1?x=2');
    expect(safeNext('//evil.example/')).toBe('/feed');
    expect(safeNext('https://evil.example/')).toBe('/feed');
    expect(safeNext(undefined)).toBe('/feed');
  });

  it('tells time like a feed', () => {
    const now = Date.parse('2026-12-04T12:00:00Z');
    expect(ago('2026-12-04T11:59:30Z', now)).toBe('now');
    expect(ago('2026-12-04T11:55:00Z', now)).toBe('5m');
    expect(ago('2026-12-04T09:00:00Z', now)).toBe('3h');
    expect(ago('2026-12-02T12:00:00Z', now)).toBe('2d');
  });
});

describe('images', () => {
  const post = { author: { username: 'ann' }, caption: 'Beach', media: [{}, {}] };

  it('offers the feed and display renditions once ready', () => {
    const big = { status: 'READY', url: '/f.jpg', originalUrl: '/o.jpg', thumbnailUrl: '/t.jpg', width: 2048, height: 1536 };
    expect(feedImage(big)).toEqual({ src: '/f.jpg', srcset: '/f.jpg 1080w, /o.jpg 2048w', width: 2048, height: 1536 });
    const small = { ...big, width: 800, height: 600 };
    expect(feedImage(small).srcset).toBe('/f.jpg 800w');
  });

  it('falls back to the thumbnail, then to nothing while processing', () => {
    expect(feedImage({ status: 'PROCESSING', thumbnailUrl: '/t.jpg' })).toEqual({ src: '/t.jpg', width: null, height: null });
    expect(feedImage({ status: 'PROCESSING', url: null })).toBeNull();
    expect(isProcessing({ media: [{ status: 'READY' }, { status: 'PROCESSING' }] })).toBe(true);
    expect(isProcessing({ media: [{ status: 'READY' }] })).toBe(false);
  });

  it('describes each photo', () => {
    expect(altText(post, 1)).toBe('Photo 2 of 2 by @ann: Beach');
    expect(altText({ ...post, caption: '', media: [{}] }, 0)).toBe('Photo by @ann');
  });
});
