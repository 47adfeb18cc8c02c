import { memo, type ReactNode } from 'react';
import { NavLink, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { readsFloor } from '../lib/api/roles';
import { clearToken, getToken, tokenRoles, tokenUser } from '../lib/api/token';
import { LanguageSwitch } from './LanguageSwitch';
import { Clock } from './Clock';

export interface PageHeaderProps {
  title: string;
  center?: string | undefined;
  centerName?: string | null | undefined;
  status?: ReactNode;
}

/**
 * Title, the center, links to the other views, the clock, the connection state, language, sign out.
 * Rendered again only when its props change (a live page renders on every delta: give it a status
 * element that stays the same).
 */
export const PageHeader = memo(function PageHeader({ title, center, centerName, status }: PageHeaderProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const c = center ? encodeURIComponent(center) : null;
  const token = getToken();
  const user = tokenUser(token);
  const roles = tokenRoles(token);
  // A token whose roles cannot be read keeps the floor's links: the server refuses what is not theirs.
  const floor = roles.length === 0 || readsFloor(roles);
  return (
    <header className="page-header">
      <div className="ph-left">
        <NavLink to="/" className="brand">
          {t('app.title')}
        </NavLink>
        <h1 className="ph-title">
          {title}
          {center ? <span className="ph-center">{centerName || center}</span> : null}
        </h1>
      </div>
      <nav className="ph-nav" aria-label="views">
        {floor ? (
          <NavLink to="/" end>
            {t('nav.centers')}
          </NavLink>
        ) : null}
        {roles.includes('agent') ? <NavLink to="/agent">{t('nav.agent')}</NavLink> : null}
        {c && floor ? (
          <>
            <NavLink to={`/wallboard/${c}`}>{t('nav.wallboard')}</NavLink>
            <NavLink to={`/supervisor/${c}`}>{t('nav.supervisor')}</NavLink>
            <NavLink to={`/quality/${c}`}>{t('nav.quality')}</NavLink>
          </>
        ) : null}
        {floor ? <NavLink to="/staffing">{t('nav.staffing')}</NavLink> : null}
      </nav>
      <div className="ph-right">
        <Clock />
        {status}
        <LanguageSwitch />
        {user ? <span className="ph-user">{user}</span> : null}
        <button
          type="button"
          className="btn-link"
          onClick={() => {
            clearToken();
            navigate('/', { replace: true });
          }}
        >
          {t('nav.signOut')}
        </button>
      </div>
    </header>
  );
});
