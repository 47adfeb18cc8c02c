// Monitoring a connected call: listen (实时监听), whisper, barge (插入), intercept (拦截).
// data-testid: monitor-{call}-{mode} (the four buttons); monitor-result-{call} (data-state of the
// newest call.monitor sent for the call; its title and text hold the outcome); monitor-log (the
// page's list of monitor commands) with monitor-log-{id} (data-state, monitor-log-{id}-text).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MONITOR_MODES } from '../../lib/api/types';
import { useCommandRun, useLastCommandAbout, useTrackedCommand } from '../../lib/commands/useCommands';
import { commandFields, commandList } from '../../lib/store/commands';
import { useFloorStore } from '../../lib/store/useFloorStore';
import { formatClock } from '../../lib/format/format';

export function MonitorActions({ call }: { call: string }) {
  const { t } = useTranslation();
  const cmd = useCommandRun();
  // the row may have left the virtual window and come back: the store remembers, the row does not
  const last = useTrackedCommand(useLastCommandAbout('call', call));
  const state = cmd.sending ? 'sending' : cmd.error ? 'error' : (last?.state ?? null);
  const text = cmd.error ?? last?.outcome ?? '';
  return (
    <span className="qa-monitor">
      {MONITOR_MODES.map((mode) => (
        <button
          key={mode}
          type="button"
          className="btn-small"
          disabled={cmd.sending}
          title={t(`monitor.hint.${mode}`)}
          onClick={() => void cmd.run({ command: 'call.monitor', call, mode })}
          data-testid={`monitor-${call}-${mode}`}
        >
          {t(`monitor.mode.${mode}`)}
        </button>
      ))}
      {state ? (
        <span className={`qa-monitor-state cmd-state st-${state}`} title={text} data-testid={`monitor-result-${call}`} data-state={state}>
          {t(`command.state.${state}`)}
          {text ? <span className="qa-monitor-text"> {text}</span> : null}
        </span>
      ) : null}
    </span>
  );
}

/** The monitoring asked for from this page, newest first, with their outcomes in full. */
export function MonitorLog() {
  const { t } = useTranslation();
  const commands = useFloorStore((st) => st.commands);
  const list = useMemo(() => commandList(commands, (c) => commandFields(c).command === 'call.monitor').slice(0, 20), [commands]);
  if (list.length === 0) return null;
  return (
    <section className="panel qa-monitor-log" aria-label={t('monitor.log')} data-testid="monitor-log">
      <div className="panel-head">
        <h2>{t('monitor.log')}</h2>
      </div>
      <ul>
        {list.map((c) => {
          const mode = c.request && c.request.command === 'call.monitor' ? c.request.mode : (c.command?.mode ?? '');
          return (
            <li key={c.id} data-testid={`monitor-log-${c.id}`} data-state={c.state}>
              <time className="num">{formatClock(c.sentAt)}</time> {t('alert.call', { id: commandFields(c).call ?? '' })} ·{' '}
              {t(`monitor.mode.${mode}`, { defaultValue: mode })} · <b className={`cmd-state st-${c.state}`}>{t(`command.state.${c.state}`)}</b>
              {c.outcome ? <span data-testid={`monitor-log-${c.id}-text`}> {c.outcome}</span> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
