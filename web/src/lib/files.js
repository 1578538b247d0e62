// What the API accepts for a post's images (API.md): 1-10 files of JPEG, PNG, WebP or GIF, each at
// most 10 MiB. Checked before uploading so the message comes at once; the server checks again.

export const MAX_FILES = 10;
export const MAX_BYTES = 10 * 1024 * 1024;
export const TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

/** A list of readable problems with the chosen files; empty when they can be uploaded. */
export function checkFiles(files) {
  const problems = [];
  if (files.length > MAX_FILES) problems.push(`A post has at most ${MAX_FILES} images; you chose ${files.length}.`);
  for (const file of files) {
    if (!TYPES.includes(file.type)) {
      problems.push(`${file.name}: not a supported image (use JPEG, PNG, WebP or GIF).`);
    } else if (file.size > MAX_BYTES) {
      problems.push(`${file.name}: ${(file.size / 1024 / 1024).toFixed(1)} MB is too large (at most 10 MB).`);
    }
  }
  return problems;
}
