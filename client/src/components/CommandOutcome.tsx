import { useTranslation } from 'react-i18next';
import { useTrackedCommand } from '../lib/commands/useCommands';

/**
 * What became of a command: sending → pending → done / failed / refused with the server's outcome
 * text, or why the POST itself was refused. `data-state` is `sending`, `error`, or the command's state.
 */
export function CommandOutcome({ id, sending, error, testId }: { id: string | null; sending: boolean; error: string | null; testId: string }) {
  const { t } = useTranslation();
  const tracked = useTrackedCommand(id);
  if (sending) {
    return (
      <div className="cmd-outcome st-pending" data-testid={testId} data-state="sending" role="status">
        {t('command.sending')}
      </div>
    );
  }
  if (error) {
    return (
      <div className="cmd-outcome st-error" data-testid={testId} data-state="error" role="alert">
        {t('command.notSent', { message: error })}
      </div>
    );
  }
  if (!tracked) return null;
  return (
    <div className={`cmd-outcome st-${tracked.state}`} data-testid={testId} data-state={tracked.state} data-command-id={tracked.id} role="status">
      <b>{t(`command.state.${tracked.state}`)}</b>
      {tracked.outcome ? <span data-testid={`${testId}-text`}> {tracked.outcome}</span> : null}
    </div>
  );
}
