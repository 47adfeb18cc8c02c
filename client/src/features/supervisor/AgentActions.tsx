// The duty manager's actions on one agent, in a drawer opened by selecting the agent's row.
// data-testid: agent-actions (data-agent); actions-close; action-force-ready; action-notready-reason
// (select); action-force-notready; action-force-logout; logout-confirm (the confirm box, with
// logout-on-call when the agent is on a call); logout-confirm-yes; logout-confirm-no;
// action-queue-{queue} (checkbox); action-set-queues; action-message-text; action-send-message;
// action-result (data-state: sending|error|pending|done|failed|refused, data-command-id;
// action-result-text holds the outcome); agent-commands (this agent's commands) with
// agent-command-{id} (data-state).
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOT_READY_REASONS, type AgentView, type CommandRequest, type NotReadyReason } from '../../lib/api/types';
import { useCommandRun } from '../../lib/commands/useCommands';
import { commandFields, commandList } from '../../lib/store/commands';
import { useFloorStore } from '../../lib/store/useFloorStore';
import { CommandOutcome } from '../../components/CommandOutcome';
import { TimeInState } from '../../components/Ticking';
import { formatClock } from '../../lib/format/format';
import { knownKey } from '../../lib/i18n';

function onCall(agent: AgentView): boolean {
  return agent.state === 'oncall' || agent.call !== null;
}

function AgentCommands({ agent }: { agent: string }) {
  const { t } = useTranslation();
  const commands = useFloorStore((st) => st.commands);
  const mine = useMemo(() => commandList(commands, (c) => commandFields(c).agent === agent).slice(0, 10), [commands, agent]);
  return (
    <div className="sv-act-history" data-testid="agent-commands">
      <h3>{t('actions.history')}</h3>
      {mine.length === 0 ? <p className="muted">{t('actions.noHistory')}</p> : null}
      <ul>
        {mine.map((c) => (
          <li key={c.id} data-testid={`agent-command-${c.id}`} data-state={c.state}>
            <time>{formatClock(c.sentAt)}</time> {t(knownKey('commandName', commandFields(c).command), { defaultValue: commandFields(c).command })}
            {' · '}
            <b className={`cmd-state st-${c.state}`}>{t(`command.state.${c.state}`)}</b>
            {c.outcome ? <span className="muted"> {c.outcome}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function AgentActions({
  agentId,
  agent,
  queueIds,
  onClose,
}: {
  agentId: string;
  agent: AgentView | undefined;
  queueIds: readonly string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const cmd = useCommandRun();
  const [reason, setReason] = useState<NotReadyReason>('away');
  const [confirmLogout, setConfirmLogout] = useState(false);
  const [queues, setQueues] = useState<string[]>(() => [...(agent?.queues ?? [])]);
  const [text, setText] = useState('');
  const allQueues = useMemo(() => [...new Set([...queueIds, ...(agent?.queues ?? [])])].sort(), [queueIds, agent?.queues]);

  const send = (request: CommandRequest) => void cmd.run(request);

  return (
    <aside className="panel sv-actions" aria-label={t('actions.title', { id: agentId })} data-testid="agent-actions" data-agent={agentId}>
      <div className="panel-head">
        <h2>{t('actions.title', { id: agentId })}</h2>
        <button type="button" className="btn-link sv-act-close" onClick={onClose} data-testid="actions-close" aria-label={t('actions.close')}>
          ✕
        </button>
      </div>
      <div className="sv-act-body">
        {agent ? (
          <div className="sv-act-who">
            <span>{agent.name ?? ''}</span>
            <span className={`pill st-${agent.state}`}>{t(knownKey('state', agent.state), { defaultValue: agent.state })}</span>
            {agent.reason ? <span>{t(knownKey('reason', agent.reason), { defaultValue: agent.reason })}</span> : null}
            <TimeInState since={agent.since} className="num" />
            {agent.call ? <span>{t('alert.call', { id: agent.call })}</span> : null}
          </div>
        ) : (
          <p className="muted">{t('actions.gone')}</p>
        )}

        <div className="sv-act-row">
          <button type="button" className="btn" disabled={cmd.sending} onClick={() => send({ command: 'agent.forceReady', agent: agentId })} data-testid="action-force-ready">
            {t('actions.forceReady')}
          </button>
        </div>

        <div className="sv-act-row">
          <label>
            {t('actions.reason')}
            <select value={reason} onChange={(e) => setReason(e.target.value as NotReadyReason)} data-testid="action-notready-reason">
              {NOT_READY_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(knownKey('reason', r))}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="btn"
            disabled={cmd.sending}
            onClick={() => send({ command: 'agent.forceNotReady', agent: agentId, reason })}
            data-testid="action-force-notready"
          >
            {t('actions.forceNotReady')}
          </button>
        </div>

        <div className="sv-act-row">
          <button type="button" className="btn btn-danger" disabled={cmd.sending} onClick={() => setConfirmLogout(true)} data-testid="action-force-logout">
            {t('actions.forceLogout')}
          </button>
        </div>
        {confirmLogout ? (
          <div className="sv-confirm" role="alertdialog" aria-label={t('actions.logoutConfirm', { id: agentId })} data-testid="logout-confirm">
            <p>{t('actions.logoutConfirm', { id: agentId })}</p>
            {agent && onCall(agent) ? (
              <p className="sv-confirm-note" data-testid="logout-on-call">
                {t('actions.logoutOnCall', { id: agentId })}
              </p>
            ) : null}
            <div className="sv-act-row">
              <button
                type="button"
                className="btn btn-danger"
                onClick={() => {
                  setConfirmLogout(false);
                  send({ command: 'agent.forceLogout', agent: agentId });
                }}
                data-testid="logout-confirm-yes"
              >
                {t('actions.logoutYes')}
              </button>
              <button type="button" className="btn" onClick={() => setConfirmLogout(false)} data-testid="logout-confirm-no">
                {t('common.cancel')}
              </button>
            </div>
          </div>
        ) : null}

        <fieldset className="sv-act-queues">
          <legend>{t('actions.queues')}</legend>
          {allQueues.map((q) => (
            <label key={q}>
              <input
                type="checkbox"
                checked={queues.includes(q)}
                onChange={(e) => setQueues((qs) => (e.target.checked ? [...qs, q] : qs.filter((x) => x !== q)))}
                data-testid={`action-queue-${q}`}
              />
              {q}
            </label>
          ))}
          <button
            type="button"
            className="btn"
            disabled={cmd.sending}
            onClick={() => send({ command: 'agent.setQueues', agent: agentId, queues: [...queues].sort() })}
            data-testid="action-set-queues"
          >
            {t('actions.setQueues')}
          </button>
        </fieldset>

        <form
          className="sv-act-message"
          onSubmit={(e) => {
            e.preventDefault();
            const body = text.trim();
            if (!body) return;
            send({ command: 'agent.message', agent: agentId, text: body });
            setText('');
          }}
        >
          <label htmlFor="sv-act-message-text">{t('actions.message')}</label>
          <textarea id="sv-act-message-text" value={text} rows={2} maxLength={500} onChange={(e) => setText(e.target.value)} data-testid="action-message-text" />
          <button type="submit" className="btn" disabled={cmd.sending || !text.trim()} data-testid="action-send-message">
            {t('actions.send')}
          </button>
        </form>

        <CommandOutcome id={cmd.id} sending={cmd.sending} error={cmd.error} testId="action-result" />
        <AgentCommands agent={agentId} />
      </div>
    </aside>
  );
}
