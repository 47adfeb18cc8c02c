import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { loadAuthConfig, offersAuthority } from '../../lib/api/authConfig';
import { setToken } from '../../lib/api/token';
import { finishAuthoritySignIn } from './authority';
import './signin.css';

/** `/signin-callback`: the authority sends the browser back here; the token is kept and the user goes where they started. */
export function SignInCallback() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const config = await loadAuthConfig();
        if (!offersAuthority(config)) throw new Error(t('signin.noAuthority'));
        const { token, next } = await finishAuthoritySignIn(config);
        if (!live) return;
        setToken(token);
        // Home sends a signed-in user on to `next` when it is a page of this site, as after the local form.
        navigate(next ? `/?next=${encodeURIComponent(next)}` : '/', { replace: true });
      } catch (err) {
        if (live) setError(err instanceof Error ? err.message : String(err));
      }
    })();
    return () => {
      live = false;
    };
  }, [navigate, t]);

  return (
    <main className="signin">
      <div className="signin-card">
        {error ? (
          <>
            <p className="form-error" role="alert" data-testid="signin-error">
              {t('signin.authorityFailed', { message: error })}
            </p>
            <Link to="/">{t('signin.again')}</Link>
          </>
        ) : (
          <p>{t('signin.finishing')}</p>
        )}
      </div>
    </main>
  );
}
