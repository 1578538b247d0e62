import { useApp } from '../hooks.js';

export function Landing() {
  const { user } = useApp();
  return (
    <section class="hero">
      <h1>Glimpse</h1>
      <p class="lead">Share photos with the people you follow. See theirs in your feed.</p>
      {user ? (
        <p><a class="button" href="/feed">Open your feed</a> <a class="button secondary" href="/upload">New post</a></p>
      ) : (
        <p><a class="button" href="/register">Create an account</a> <a class="button secondary" href="/login">Log in</a></p>
      )}
      <p><a href="/search">Search posts, #tags and people</a></p>
    </section>
  );
}
