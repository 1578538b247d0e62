import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useAction, useApp } from '../hooks.js';
import { safeNext } from '../lib/text.js';
import { ErrorMessage } from '../components/ui.jsx';

function Field({ label, name, error, ...input }) {
  const message = error?.fieldMessage?.(name);
  return (
    <label class="field">
      <span>{label}</span>
      <input name={name} aria-invalid={message ? 'true' : undefined} aria-describedby={message ? `${name}-error` : undefined} {...input} />
      {message && <span class="field-error" id={`${name}-error`}>{message}</span>}
    </label>
  );
}

function useAuthForm(path, body) {
  const { api, session } = useApp();
  const location = useLocation();
  const action = useAction();
  const submit = (event) => {
    event.preventDefault();
    action.run(async () => {
      const answer = await api.post(path, body());
      session.update(answer);
      location.route(safeNext(location.query.next));
    });
  };
  return { ...action, submit, next: location.query.next };
}

export function Login() {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const form = useAuthForm('/api/auth/login', () => ({ login, password }));
  return (
    <section class="card narrow">
      <h1>Log in</h1>
      {form.next && <p class="muted">Please log in to continue.</p>}
      <form onSubmit={form.submit}>
        <Field label="Username or email" name="login" autoComplete="username" required value={login} error={form.error}
          onInput={(e) => setLogin(e.currentTarget.value)} />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required value={password}
          error={form.error} onInput={(e) => setPassword(e.currentTarget.value)} />
        <ErrorMessage error={form.error} />
        <button type="submit" disabled={form.busy}>{form.busy ? 'Logging in…' : 'Log in'}</button>
      </form>
      <p>No account yet? <a href={`/register${form.next ? `?next=${encodeURIComponent(form.next)}` : ''}`}>Sign up</a></p>
    </section>
  );
}

export function Register() {
  const [values, setValues] = useState({ username: '', email: '', password: '', displayName: '' });
  const form = useAuthForm('/api/auth/register', () => ({ ...values, displayName: values.displayName || undefined }));
  const bind = (name) => ({ name, value: values[name], error: form.error,
    onInput: (e) => setValues({ ...values, [name]: e.currentTarget.value }) });
  return (
    <section class="card narrow">
      <h1>Create your account</h1>
      <form onSubmit={form.submit}>
        <Field label="Username" autoComplete="username" required minLength={3} maxLength={30} {...bind('username')} />
        <Field label="Email" type="email" autoComplete="email" required {...bind('email')} />
        <Field label="Password (at least 8 characters)" type="password" autoComplete="new-password" required minLength={8}
          {...bind('password')} />
        <Field label="Display name (optional)" autoComplete="name" {...bind('displayName')} />
        <ErrorMessage error={form.error} />
        <button type="submit" disabled={form.busy}>{form.busy ? 'Creating…' : 'Sign up'}</button>
      </form>
      <p>Have an account? <a href="/login">Log in</a></p>
    </section>
  );
}
