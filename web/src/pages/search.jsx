import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useApp } from '../hooks.js';
import { query } from '../lib/api.js';
import { createOffsetPager } from '../lib/pager.js';
import { Avatar, More } from '../components/ui.jsx';
import { PostGrid } from '../components/post.jsx';

const SUGGEST_DELAY_MS = 150;

/** Suggestions of tags and users for what is typed, newest answer only. */
function useSuggestions(text) {
  const { api } = useApp();
  const [suggestions, setSuggestions] = useState([]);
  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setSuggestions([]);
      return undefined;
    }
    let current = true;
    const timer = setTimeout(async () => {
      try {
        const answer = await api.get(`/api/search/autocomplete${query({ q })}`);
        if (current) {
          setSuggestions([
            ...answer.tags.map((t) => ({ key: `#${t.tag}`, label: `#${t.tag}`, detail: `${t.postsCount} ${t.postsCount === 1 ? 'post' : 'posts'}`, q: `#${t.tag}` })),
            ...answer.users.map((u) => ({ key: `@${u.username}`, label: `@${u.username}`, detail: u.displayName, user: u })),
          ]);
        }
      } catch {
        if (current) setSuggestions([]);
      }
    }, SUGGEST_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);
  return [suggestions, setSuggestions];
}

function SearchBox({ initial, onSearch, onUser }) {
  const [text, setText] = useState(initial);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [suggestions] = useSuggestions(open ? text : '');
  const input = useRef(null);
  useEffect(() => setText(initial), [initial]);
  const choose = (s) => {
    setOpen(false);
    setActive(-1);
    if (s.user) onUser(s.user);
    else {
      setText(s.q);
      onSearch(s.q);
    }
  };
  const onKeyDown = (e) => {
    if (!suggestions.length || !open) return;
    if (e.key === 'ArrowDown') { e.preventDefault(); setActive((active + 1) % suggestions.length); }
    if (e.key === 'ArrowUp') { e.preventDefault(); setActive((active - 1 + suggestions.length) % suggestions.length); }
    if (e.key === 'Escape') setOpen(false);
    if (e.key === 'Enter' && active >= 0) { e.preventDefault(); choose(suggestions[active]); }
  };
  const showList = open && suggestions.length > 0;
  return (
    <form role="search" class="search-box" onSubmit={(e) => { e.preventDefault(); setOpen(false); onSearch(text.trim()); }}>
      <label class="visually-hidden" for="search-input">Search posts, #tags and @people</label>
      <input id="search-input" ref={input} type="search" name="q" autoComplete="off" placeholder="Search posts, #tags, @people"
        role="combobox" aria-expanded={showList ? 'true' : 'false'} aria-controls="suggestions" aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `suggestion-${active}` : undefined}
        value={text} onInput={(e) => { setText(e.currentTarget.value); setOpen(true); setActive(-1); }}
        onKeyDown={onKeyDown} onBlur={() => setTimeout(() => setOpen(false), 150)} />
      <button type="submit">Search</button>
      {showList && (
        <ul id="suggestions" role="listbox" class="suggestions" aria-label="Suggestions">
          {suggestions.map((s, i) => (
            <li key={s.key} id={`suggestion-${i}`} role="option" aria-selected={i === active ? 'true' : 'false'}
              class={i === active ? 'active' : ''} onMouseDown={(e) => { e.preventDefault(); choose(s); }}>
              {s.user && <Avatar user={s.user} size={24} />} <strong>{s.label}</strong> <span class="muted">{s.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}

export function Search() {
  const { api, user } = useApp();
  const location = useLocation();
  const q = location.query.q || '';
  const [, render] = useState(0);
  const [pager, setPager] = useState(null);
  const [total, setTotal] = useState(null);
  useEffect(() => {
    if (!q) {
      setPager(null);
      return;
    }
    const created = createOffsetPager(async (offset, limit) => {
      const page = await api.get(`/api/search/posts${query({ q, offset, limit })}`);
      setTotal(page.total);
      return page;
    }, { limit: 24, onChange: () => render((n) => n + 1) });
    setPager(created);
    created.next();
  }, [q, user?.id]);
  return (
    <section>
      <h1>Search</h1>
      <SearchBox initial={q} onSearch={(text) => text && location.route(`/search${query({ q: text })}`)}
        onUser={(u) => location.route(`/u/${u.username}`)} />
      {pager && (
        <>
          {total !== null && <p class="muted" role="status">{total} {total === 1 ? 'post' : 'posts'} for “{q}”</p>}
          <PostGrid posts={pager.items} />
          <More pager={pager} empty="No posts found." />
        </>
      )}
    </section>
  );
}
