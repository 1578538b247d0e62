import { describe, expect, it } from 'vitest';
import { checkFiles, MAX_BYTES } from '../src/lib/files.js';

describe('upload checks', () => {
  it('accepts up to ten supported images of at most 10 MiB', () => {
    expect(checkFiles([{ name: 'a.jpg', type: 'image/jpeg', size: MAX_BYTES }, { name: 'b.webp', type: 'image/webp', size: 1 }])).toEqual([]);
  });

  it('names each file that is too large or not an image, and too many files', () => {
    const files = Array.from({ length: 11 }, (_, i) => ({ name: `${i}.png`, type: 'image/png', size: 10 }));
    files[0] = { name: 'big.png', type: 'image/png', size: MAX_BYTES + 1 };
    files[1] = { name: 'doc.pdf', type: 'application/pdf', size: 10 };
    expect(checkFiles(files)).toEqual([
      'A post has at most 10 images; you chose 11.',
      'big.png: 10.0 MB is too large (at most 10 MB).',
      'doc.pdf: not a supported image (use JPEG, PNG, WebP or GIF).',
    ]);
  });
});
