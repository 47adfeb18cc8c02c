import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

/** `/agent`: an agent's own view (state, break requests) — to come. */
export function AgentPage() {
  const { t } = useTranslation();
  return (
    <div className="page" data-testid="agent-page">
      <PageHeader title={t('agent.title')} />
      <main className="page-main">
        <div className="notice">{t('agent.placeholder')}</div>
      </main>
    </div>
  );
}
