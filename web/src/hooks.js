import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';
import { createCursorPager } from './lib/pager.js';

/** {api, session, live, user} for every component; see app.jsx. */
export const AppContext = createContext(null);
export const useApp = () => useContext(AppContext);

/** Runs `load` when deps change: {data, error, loading, reload, setData}. */
export function useLoad(load, deps) {
  const [state, setState] = useState({ data: null, error: null, loading: true });
  const generation = useRef(0);
  const run = useCallback(() => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    load().then(
      (data) => mine === generation.current && setState({ data, error: null, loading: false }),
      (error) => mine === generation.current && setState({ data: null, error, loading: false }),
    );
  }, deps);
  useEffect(run, [run]);
  const setData = (update) => setState((s) => ({ ...s, data: typeof update === 'function' ? update(s.data) : update }));
  return { ...state, reload: run, setData };
}

/** A cursor pager that re-renders the component, new when deps change; loads its first page. */
export function usePager(loadPage, deps) {
  const [, render] = useState(0);
  const [pager, setPager] = useState(null);
  useEffect(() => {
    const created = createCursorPager(loadPage, { onChange: () => render((n) => n + 1) });
    setPager(created);
    created.next();
  }, deps);
  return pager;
}

/** Calls `onVisible` whenever the returned ref's element scrolls into view (endless lists). */
export function useOnVisible(onVisible) {
  const ref = useRef(null);
  const callback = useRef(onVisible);
  callback.current = onVisible;
  useEffect(() => {
    if (!ref.current || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && callback.current(),
      { rootMargin: '600px' });
    observer.observe(ref.current);
    return () => observer.disconnect();
  });
  return ref;
}

/** An action's busy flag and error: run(fn) shows fn's ApiError until the next run. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const run = async (fn) => {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, setError };
}
