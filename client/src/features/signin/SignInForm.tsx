import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiError, signIn } from '../../lib/api/client';
import { loadAuthConfig, offersAuthority, type AuthConfig } from '../../lib/api/authConfig';
import { setToken } from '../../lib/api/token';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { startAuthoritySignIn } from './authority';
import './signin.css';

/** The local form, and the authority's sign-in when the server has one for the pages (the form is shown until the server says it has no users). */
export function SignInForm({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [config, setConfig] = useState<AuthConfig | null>(null);
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void loadAuthConfig().then((c) => {
      if (live) setConfig(c);
    });
    return () => {
      live = false;
    };
  }, []);

  const authority = config !== null && offersAuthority(config) ? config : null;
  // Until the server says it has no users of its own, the form is there.
  const form = config?.local !== false;

  async function goToAuthority() {
    if (!authority) return;
    setBusy(true);
    setError(null);
    try {
      await startAuthoritySignIn(authority, params.get('next'));
    } catch (err) {
      setBusy(false);
      setError(t('signin.authorityFailed', { message: err instanceof Error ? err.message : String(err) }));
    }
  }

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
        {authority ? (
          <button type="button" className={authority.local ? 'btn' : 'btn-primary'} onClick={() => void goToAuthority()} disabled={busy} data-testid="signin-authority">
            {t('signin.authority')}
          </button>
        ) : null}
        {authority?.local ? <div className="signin-or">{t('signin.or')}</div> : null}
        {form ? (
          <>
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
          </>
        ) : null}
        {!form && !authority ? <p className="form-error">{t('signin.noWay')}</p> : null}
        {error ? (
          <p className="form-error" role="alert" data-testid="signin-error">
            {error}
          </p>
        ) : null}
        {form ? (
          <button type="submit" className="btn-primary" disabled={busy}>
            {busy ? t('signin.submitting') : t('signin.submit')}
          </button>
        ) : null}
      </form>
    </main>
  );
}
