// data-testid: break-form; break-reason (select); break-minutes (input); break-submit;
// break-form-error (a field that is wrong); break-form-result (the request command's outcome,
// data-state, break-form-result-text).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BREAK_REASONS, type NotReadyReason } from '../../lib/api/types';
import { useCommandRun } from '../../lib/commands/useCommands';
import { useFloorStore } from '../../lib/store/useFloorStore';
import { CommandOutcome } from '../../components/CommandOutcome';
import { knownKey } from '../../lib/i18n';
import { defaultMinutes, MAX_BREAK_MINUTES, validateBreakForm } from './breakForm';

export function BreakRequestForm({ agent }: { agent: string }) {
  const { t } = useTranslation();
  const cmd = useCommandRun();
  const [reason, setReason] = useState<NotReadyReason>('break');
  const [minutes, setMinutes] = useState(String(defaultMinutes('break')));
  const [wrong, setWrong] = useState<'reason' | 'minutes' | null>(null);
  // Once the duty manager has answered, the request's own line below says what became of it, and
  // "waits for a duty manager" beside it would be out of date.
  const answered = useFloorStore((st) => st.agentDesk.self?.breaks.some((r) => r.id === cmd.id && r.state !== 'pending') ?? false);
  return (
    <form
      className="ag-form"
      data-testid="break-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const v = validateBreakForm(reason, minutes);
        if (!v.ok) {
          setWrong(v.field);
          return;
        }
        setWrong(null);
        void cmd.run({ command: 'break.request', agent, reason: v.reason, minutes: v.minutes });
      }}
    >
      <label>
        {t('agentPage.reason')}
        <select
          value={reason}
          onChange={(e) => {
            const r = e.target.value as NotReadyReason;
            setReason(r);
            setMinutes(String(defaultMinutes(r)));
          }}
          data-testid="break-reason"
        >
          {BREAK_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(knownKey('reason', r))}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('agentPage.minutes')}
        <input
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_BREAK_MINUTES}
          step={1}
          value={minutes}
          onChange={(e) => {
            setMinutes(e.target.value);
            setWrong(null);
          }}
          aria-invalid={wrong === 'minutes'}
          data-testid="break-minutes"
        />
      </label>
      <button type="submit" className="btn-primary" disabled={cmd.sending} data-testid="break-submit">
        {t('agentPage.requestBreak')}
      </button>
      {wrong ? (
        <p className="form-error" role="alert" data-testid="break-form-error">
          {wrong === 'minutes' ? t('agentPage.badMinutes', { max: MAX_BREAK_MINUTES }) : t('agentPage.badReason')}
        </p>
      ) : null}
      {answered ? null : <CommandOutcome id={cmd.id} sending={cmd.sending} error={cmd.error} testId="break-form-result" />}
    </form>
  );
}
