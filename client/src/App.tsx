import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { setUnauthorizedHandler } from './lib/api/client';
import { clearToken, getToken } from './lib/api/token';
import { currentLanguage } from './lib/i18n';
import { HomePage } from './features/centers/HomePage';
import { SignInCallback } from './features/signin/SignInCallback';
import { CALLBACK_PATH } from './features/signin/authority';

// Each role's page is its own chunk: a wallboard or an agent's desk does not load the others.
const WallboardPage = lazy(() => import('./features/wallboard/WallboardPage').then((m) => ({ default: m.WallboardPage })));
const SupervisorPage = lazy(() => import('./features/supervisor/SupervisorPage').then((m) => ({ default: m.SupervisorPage })));
const QualityPage = lazy(() => import('./features/quality/QualityPage').then((m) => ({ default: m.QualityPage })));
const StaffingPage = lazy(() => import('./features/staffing/StaffingPage').then((m) => ({ default: m.StaffingPage })));
const AgentPage = lazy(() => import('./features/agent/AgentPage').then((m) => ({ default: m.AgentPage })));

/** A 401 anywhere (HTTP or hub) forgets the token and goes to sign-in, coming back here after. */
function UnauthorizedRedirect() {
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => {
    setUnauthorizedHandler(() => {
      clearToken();
      const next = location.pathname + location.search;
      navigate(`/?next=${encodeURIComponent(next)}`, { replace: true });
    });
    return () => setUnauthorizedHandler(null);
  }, [navigate, location.pathname, location.search]);
  return null;
}

function Loading() {
  const { t } = useTranslation();
  return <div className="notice">{t('common.loading')}</div>;
}

/** Pages that need a token send a visitor without one to sign-in first. */
function RequireToken({ children }: { children: ReactNode }) {
  const location = useLocation();
  if (!getToken()) {
    const next = location.pathname + location.search;
    return <Navigate to={`/?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

function NotFound() {
  const { t } = useTranslation();
  return <div className="notice">{t('common.notFound')}</div>;
}

export function App() {
  const { i18n } = useTranslation();
  useEffect(() => {
    document.documentElement.lang = currentLanguage();
  }, [i18n.language]);
  return (
    <>
      <UnauthorizedRedirect />
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path={CALLBACK_PATH} element={<SignInCallback />} />
        <Route path="/wallboard/:center" element={<RequireToken><WallboardPage /></RequireToken>} />
        <Route path="/supervisor/:center" element={<RequireToken><SupervisorPage /></RequireToken>} />
        <Route path="/quality/:center" element={<RequireToken><QualityPage /></RequireToken>} />
        <Route path="/staffing" element={<RequireToken><StaffingPage /></RequireToken>} />
        <Route path="/agent" element={<RequireToken><AgentPage /></RequireToken>} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </>
  );
}
