import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, signIn } from '../../lib/api/client';
import { setToken } from '../../lib/api/token';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import './signin.css';

export function SignInForm({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const { t } = useTranslation();
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const token = await signIn(user.trim(), password);
      setToken(token);
      onSignedIn(token);
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 400)) setError(t('signin.bad'));
      else setError(t('signin.failed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="signin">
      <div className="signin-lang">
        <LanguageSwitch />
      </div>
      <form className="signin-card" onSubmit={(e) => void submit(e)} data-testid="signin-form">
        <div className="signin-brand">{t('app.title')}</div>
        <div className="signin-tagline">{t('app.tagline')}</div>
        <h1>{t('signin.title')}</h1>
        <label>
          <span>{t('signin.user')}</span>
          <input
            name="user"
            autoComplete="username"
            value={user}
            onChange={(e) => setUser(e.target.value)}
            required
            autoFocus
          />
        </label>
        <label>
          <span>{t('signin.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error ? (
          <p className="form-error" role="alert" data-testid="signin-error">
            {error}
          </p>
        ) : null}
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy ? t('signin.submitting') : t('signin.submit')}
        </button>
      </form>
    </main>
  );
}
