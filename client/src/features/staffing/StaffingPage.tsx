import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../lib/api/client';
import type { ErlangCResult } from '../../lib/api/types';
import { formatDuration, formatNumber, formatPercent } from '../../lib/format/format';
import { PageHeader } from '../../components/PageHeader';
import { StatusBadge } from '../../components/StatusBadge';
import { NotAllowed } from '../../components/Notice';
import './staffing.css';

interface Form {
  callsPerHour: string;
  ahtSeconds: string;
  thresholdSeconds: string;
  /** percent in the form, a share (0..1) to the API */
  targetPercent: string;
}

/** Traffic in Erlangs, or null while the inputs are not numbers. */
export function trafficErlangs(callsPerHour: string, ahtSeconds: string): number | null {
  const c = Number(callsPerHour);
  const a = Number(ahtSeconds);
  if (callsPerHour.trim() === '' || ahtSeconds.trim() === '' || !Number.isFinite(c) || !Number.isFinite(a)) return null;
  return (c * a) / 3600;
}

/** The API takes the target as a share: 80 (%) → "0.8"; left as typed when not a number, for the server to name. */
export function targetShare(percent: string): string {
  const n = Number(percent);
  return percent.trim() !== '' && Number.isFinite(n) ? String(n / 100) : percent;
}

type Outcome =
  | { kind: 'none' }
  | { kind: 'busy' }
  | { kind: 'ok'; result: ErlangCResult; at: number }
  | { kind: 'error'; message: string; reachable: boolean }
  | { kind: 'denied' };

/** `/staffing`: the Erlang C calculator (through the API) and the manual's rules of thumb. */
export function StaffingPage() {
  const { t } = useTranslation();
  const [form, setForm] = useState<Form>({ callsPerHour: '300', ahtSeconds: '180', thresholdSeconds: '20', targetPercent: '80' });
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const traffic = trafficErlangs(form.callsPerHour, form.ahtSeconds);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setOutcome({ kind: 'busy' });
    try {
      const result = await api.erlangC({
        callsPerHour: form.callsPerHour.trim(),
        ahtSeconds: form.ahtSeconds.trim(),
        thresholdSeconds: form.thresholdSeconds.trim(),
        target: targetShare(form.targetPercent),
      });
      setOutcome({ kind: 'ok', result, at: Date.now() });
    } catch (err) {
      if (err instanceof ApiError && err.status === 403) setOutcome({ kind: 'denied' });
      else
        setOutcome({
          kind: 'error',
          message: err instanceof Error ? err.message : String(err),
          // a refused input is an answer from the server; only no answer (or a 5xx) is a lost connection
          reachable: err instanceof ApiError && err.status < 500,
        });
    }
  }

  const field = (key: keyof Form, label: string, step: string) => (
    <label className="stf-field">
      <span>{label}</span>
      <input
        name={key}
        inputMode="decimal"
        type="number"
        step={step}
        value={form[key]}
        onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))}
        data-testid={`staffing-${key}`}
      />
    </label>
  );

  const status = (
    <StatusBadge
      connection={outcome.kind === 'error' && !outcome.reachable ? 'disconnected' : 'connected'}
      stale={false}
      updatedAt={outcome.kind === 'ok' ? outcome.at : null}
      staleSince={null}
    />
  );

  return (
    <div className="page">
      <PageHeader title={t('staffing.title')} status={status} />
      <main className="page-main stf-main">
        {outcome.kind === 'denied' ? <NotAllowed /> : null}
        <section className="panel stf-calc">
          <div className="panel-head">
            <h2>{t('staffing.calculator')}</h2>
          </div>
          <form className="stf-form" onSubmit={(e) => void submit(e)} noValidate data-testid="staffing-form">
            {field('callsPerHour', t('staffing.callsPerHour'), '1')}
            {field('ahtSeconds', t('staffing.ahtSeconds'), '1')}
            {field('thresholdSeconds', t('staffing.thresholdSeconds'), '1')}
            {field('targetPercent', t('staffing.target'), '1')}
            <div className="stf-actions">
              <button type="submit" className="btn-primary" disabled={outcome.kind === 'busy'}>
                {outcome.kind === 'busy' ? t('staffing.calculating') : t('staffing.calculate')}
              </button>
              <span className="stf-traffic">{traffic === null ? '' : t('staffing.traffic', { erlangs: formatNumber(traffic, 2) })}</span>
            </div>
          </form>
          {outcome.kind === 'error' ? (
            <p className="form-error" role="alert" data-testid="staffing-error">
              {outcome.message}
            </p>
          ) : null}
          {outcome.kind === 'ok' ? (
            <dl className="stf-result" data-testid="staffing-result">
              <div className="stf-agents">
                <dt>{t('staffing.agents')}</dt>
                <dd data-testid="staffing-agents">{outcome.result.agents}</dd>
              </div>
              <div>
                <dt>{t('staffing.serviceLevel')}</dt>
                <dd>{formatPercent(outcome.result.serviceLevel, 1)}</dd>
              </div>
              <div>
                <dt>{t('staffing.occupancy')}</dt>
                <dd>{formatPercent(outcome.result.occupancy, 1)}</dd>
              </div>
              <div>
                <dt>{t('staffing.asa')}</dt>
                <dd>{formatDuration(outcome.result.asaSeconds)}</dd>
              </div>
              <div>
                <dt>{t('staffing.probabilityOfWait')}</dt>
                <dd>{formatPercent(outcome.result.probabilityOfWait, 1)}</dd>
              </div>
            </dl>
          ) : null}
        </section>
        <section className="panel stf-rules">
          <div className="panel-head">
            <h2>{t('staffing.rulesTitle')}</h2>
          </div>
          <ul>
            <li>{t('staffing.rule1')}</li>
            <li>{t('staffing.rule2')}</li>
            <li>{t('staffing.rule3')}</li>
            <li>{t('staffing.rule4')}</li>
            <li>{t('staffing.rule5')}</li>
          </ul>
        </section>
      </main>
    </div>
  );
}
