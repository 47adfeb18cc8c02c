import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

export function NotAllowed() {
  const { t } = useTranslation();
  return (
    <div className="notice notice-denied" data-testid="not-allowed" role="alert">
      <h2>{t('common.notAllowed')}</h2>
      <p>{t('common.notAllowedDetail')}</p>
      <Link to="/">{t('common.backToCenters')}</Link>
    </div>
  );
}

export function Waiting() {
  const { t } = useTranslation();
  return (
    <div className="notice notice-waiting" data-testid="waiting">
      {t('common.waiting')}
    </div>
  );
}
