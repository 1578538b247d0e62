import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useAction, useApp } from '../hooks.js';
import { checkFiles } from '../lib/files.js';
import { parseTags } from '../lib/text.js';
import { ErrorMessage, useRequireLogin } from '../components/ui.jsx';

export function Upload() {
  const user = useRequireLogin();
  const { api } = useApp();
  const location = useLocation();
  const [files, setFiles] = useState([]);
  const [previews, setPreviews] = useState([]);
  const [caption, setCaption] = useState('');
  const [tags, setTags] = useState('');
  const [progress, setProgress] = useState(null);
  const action = useAction();
  useEffect(() => {
    const urls = files.map((file) => URL.createObjectURL(file));
    setPreviews(urls);
    return () => urls.forEach((url) => URL.revokeObjectURL(url));
  }, [files]);
  if (!user) return null;
  const problems = checkFiles(files);
  const choose = (event) => {
    setFiles([...files, ...event.currentTarget.files]);
    event.currentTarget.value = '';
  };
  const submit = (event) => {
    event.preventDefault();
    if (problems.length) return;
    action.run(async () => {
      const form = new FormData();
      if (caption) form.append('caption', caption);
      parseTags(tags).forEach((tag) => form.append('tags', tag));
      files.forEach((file) => form.append('files', file));
      setProgress(0);
      try {
        const post = files.length
          ? await api.upload('POST', '/api/posts', form, setProgress)
          : await api.post('/api/posts', { caption, tags: parseTags(tags) });
        location.route(`/p/${post.id}`);
      } finally {
        setProgress(null);
      }
    });
  };
  return (
    <section class="card">
      <h1>New post</h1>
      <form onSubmit={submit}>
        <label class="field"><span>Photos (up to 10: JPEG, PNG, WebP or GIF, at most 10 MB each)</span>
          <input type="file" name="files" multiple accept="image/jpeg,image/png,image/webp,image/gif" onChange={choose} />
        </label>
        {files.length > 0 && (
          <ul class="previews" aria-label="Chosen photos">
            {files.map((file, i) => (
              <li key={`${file.name}-${i}`}>
                {file.type.startsWith('image/') ? <img src={previews[i]} alt={`Preview of ${file.name}`} /> : <span class="grid-text">{file.name}</span>}
                <button type="button" class="icon" aria-label={`Remove ${file.name}`}
                  onClick={() => setFiles(files.filter((_, j) => j !== i))}>×</button>
              </li>
            ))}
          </ul>
        )}
        {problems.length > 0 && <ul class="error" role="alert">{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
        <label class="field"><span>Caption</span>
          <textarea name="caption" rows="3" maxLength={2200} value={caption} onInput={(e) => setCaption(e.currentTarget.value)}
            placeholder="Write a caption… #tags and @mentions work" />
        </label>
        <label class="field"><span>Tags (separated by spaces or commas)</span>
          <input name="tags" value={tags} onInput={(e) => setTags(e.currentTarget.value)} placeholder="sunset beach" />
        </label>
        {progress !== null && (
          <label class="field"><span>Uploading… {Math.round(progress * 100)}%</span>
            <progress max="1" value={progress} />
          </label>
        )}
        <ErrorMessage error={action.error} />
        <button type="submit" disabled={action.busy || problems.length > 0 || (!files.length && !caption.trim())}>
          {action.busy ? 'Sharing…' : 'Share'}
        </button>
      </form>
    </section>
  );
}
