import { useEffect, useMemo, useState } from 'preact/hooks';
import { LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { AppContext, useApp } from './hooks.js';
import { createApi } from './lib/api.js';
import { createLive } from './lib/live.js';
import { createSession } from './lib/session.js';
import { Avatar } from './components/ui.jsx';
import { Landing } from './pages/landing.jsx';
import { Login, Register } from './pages/auth.jsx';
import { Feed } from './pages/feed.jsx';
import { PostPage } from './pages/post.jsx';
import { Profile } from './pages/profile.jsx';
import { Search } from './pages/search.jsx';
import { Upload } from './pages/upload.jsx';
import { Notifications } from './pages/notifications.jsx';
import { NotFound } from './pages/not-found.jsx';

const config = globalThis.GLIMPSE_CONFIG || {};

function Header() {
  const { user, live, api, session } = useApp();
  const location = useLocation();
  const [unread, setUnread] = useState(live.unread);
  useEffect(() => live.subscribe(setUnread), [live]);
  const logout = async () => {
    try {
      await api.post('/api/auth/logout');
    } catch {
      // Logged out here whatever the server says; the refresh token expires on its own.
    }
    session.clear();
    location.route('/');
  };
  return (
    <header class="top">
      <nav aria-label="Main">
        <a href={user ? '/feed' : '/'} class="brand">Glimpse</a>
        <a href="/search">Search</a>
        {user ? (
          <>
            <a href="/feed">Feed</a>
            <a href="/upload">New post</a>
            <a href="/notifications" class="notifications-link" aria-label={`Notifications, ${unread} unread`}>
              <span aria-hidden="true">Notifications</span>
              {unread > 0 && <span class="badge" data-testid="unread-badge" aria-hidden="true">{unread > 99 ? '99+' : unread}</span>}
            </a>
            <a href={`/u/${user.username}`} class="me" aria-label="Your profile"><Avatar user={user} size={28} /></a>
            <button type="button" class="link" onClick={logout}>Log out</button>
          </>
        ) : (
          <>
            <a href="/login">Log in</a>
            <a href="/register" class="button">Sign up</a>
          </>
        )}
      </nav>
    </header>
  );
}

function Shell() {
  const location = useLocation();
  const app = useMemo(() => {
    const session = createSession();
    const baseUrl = (config.apiBase || '').replace(/\/$/, '');
    const api = createApi({
      baseUrl,
      session,
      onAuthLost: () => {
        const here = window.location.pathname + window.location.search;
        if (!here.startsWith('/login')) location.route(`/login?next=${encodeURIComponent(here)}`);
      },
    });
    return { session, api, live: createLive(api, { baseUrl }) };
  }, []);
  const [user, setUser] = useState(app.session.user());
  useEffect(() => app.session.subscribe((value) => setUser(value?.user ?? null)), []);
  // Another tab logged in or out.
  useEffect(() => {
    const onStorage = () => setUser(app.session.user());
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);
  useEffect(() => {
    if (user) app.live.start();
    else app.live.stop();
  }, [user?.id]);
  // Focus the page's heading after navigating, so keyboard and screen-reader users start there.
  useEffect(() => {
    const heading = document.querySelector('main h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }
  }, [location.path]);
  return (
    <AppContext.Provider value={{ ...app, user }}>
      <a class="skip" href="#main">Skip to content</a>
      <Header />
      <main id="main">
        <Router>
          <Route path="/" component={Landing} />
          <Route path="/login" component={Login} />
          <Route path="/register" component={Register} />
          <Route path="/feed" component={Feed} />
          <Route path="/p/:id" component={PostPage} />
          <Route path="/u/:username" component={Profile} />
          <Route path="/search" component={Search} />
          <Route path="/upload" component={Upload} />
          <Route path="/notifications" component={Notifications} />
          <Route default component={NotFound} />
        </Router>
      </main>
    </AppContext.Provider>
  );
}

export function App() {
  return (
    <LocationProvider>
      <Shell />
    </LocationProvider>
  );
}
