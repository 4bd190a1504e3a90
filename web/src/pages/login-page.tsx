import { useState, type FormEvent } from 'react';
import { ApiError } from '../api-client';

/** E-mail and password; a wrong one is said right under the form, not in an alert. */
export function LoginPage({ onLogIn }: { onLogIn: (email: string, password: string) => Promise<void> }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onLogIn(email, password);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? 'Wrong e-mail or password.' : e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <form className="login-card" onSubmit={submit} noValidate>
        <div className="login-brand">
          <span className="brand-mark" aria-hidden="true">
            <svg viewBox="0 0 24 24" width="18" height="18">
              <circle cx="12" cy="12" r="4" fill="currentColor" />
              <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="2" opacity="0.5" />
            </svg>
          </span>
        </div>
        <h1>Log in to Touchpoint</h1>
        <p className="muted">Every conversation with your customers, in one place.</p>
        <label className="field">
          <span>E-mail</span>
          <input type="email" name="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} autoFocus required />
        </label>
        <label className="field">
          <span>Password</span>
          <input type="password" name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {error && (
          <div className="form-error" role="alert">
            {error}
          </div>
        )}
        <button type="submit" className="button button-primary button-block" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </div>
  );
}
