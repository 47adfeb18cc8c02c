// data-testid: alert-panel; alert-{id} (data-state); alert-ack-{id} (Acknowledge, open alerts only);
// alert-ack-error-{id}.
import { memo, useCallback, useLayoutEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import type { Alert } from '../../lib/api/types';
import { interventionsApi } from '../../lib/api/interventions';
import { applyAlert } from '../../lib/store/floor';
import { useFloorStore } from '../../lib/store/useFloorStore';
import { formatClock } from '../../lib/format/format';
import { knownKey } from '../../lib/i18n';
import { parseTs } from '../../lib/time/time';

// `t` is handed down rather than taken with useTranslation in each alert: on a busy floor alerts
// come and go by the hundred a second, and each hook's first render copies the i18n instance.
function AcknowledgeButton({ center, alert, t }: { center: string; alert: Alert; t: TFunction }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const acknowledge = async () => {
    setBusy(true);
    setError(null);
    try {
      const acked = await interventionsApi.acknowledge(center, alert.id);
      // the hub's `alert` says the same; the answer shows it at once even if that message is slow
      useFloorStore.getState().dispatch((s) => applyAlert(s, acked));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="sv-alert-actions">
      <button type="button" className="btn-small" disabled={busy} onClick={() => void acknowledge()} data-testid={`alert-ack-${alert.id}`}>
        {busy ? t('alert.acknowledging') : t('alert.acknowledge')}
      </button>
      {error ? (
        <span className="form-error-inline" role="alert" data-testid={`alert-ack-error-${alert.id}`}>
          {t('alert.ackFailed', { message: error })}
        </span>
      ) : null}
    </div>
  );
}

/** One alert: rendered again only when that alert changes, not when another one comes or goes or it moves. */
const AlertBody = memo(function AlertBody({ center, alert: a, t }: { center: string; alert: Alert; t: TFunction }) {
  return (
    <>
      <div className="sv-alert-head">
        <span className="sev-dot" aria-hidden="true" />
        <b>{t(knownKey('alertKind', a.kind), { defaultValue: a.kind })}</b>
        <span className="sv-alert-sev">{t(knownKey('severity', a.severity), { defaultValue: a.severity })}</span>
        <time className="sv-alert-time">{formatClock(parseTs(a.raisedAt))}</time>
      </div>
      <div className="sv-alert-who">
        {a.agent ? <span>{t('alert.agent', { id: a.agent })}</span> : null}
        {a.queue ? <span>{t('alert.queue', { id: a.queue })}</span> : null}
        {a.call ? <span>{t('alert.call', { id: a.call })}</span> : null}
      </div>
      {a.detail ? <div className="sv-alert-detail">{a.detail}</div> : null}
      {a.escalatedAt ? <div className="sv-alert-ack">{t('alert.escalated', { time: formatClock(parseTs(a.escalatedAt)) })}</div> : null}
      {a.state === 'acknowledged' ? <div className="sv-alert-ack">{t('alert.acknowledged', { by: a.by ?? '' })}</div> : null}
      {a.state === 'open' ? <AcknowledgeButton center={center} alert={a} t={t} /> : null}
    </>
  );
});

/** An alert at its place in the list: moves (a new alert above it) render this, not its body. */
function AlertItem({ center, alert: a, t, index, top, measure }: AlertItemProps) {
  return (
    <li
      className={`sv-alert sev-${a.severity} ${a.state === 'acknowledged' ? 'is-acked' : ''}`}
      data-testid={`alert-${a.id}`}
      data-state={a.state}
      data-index={index}
      ref={measure}
      style={{ transform: `translateY(${top}px)` }}
    >
      <AlertBody center={center} alert={a} t={t} />
    </li>
  );
}

interface AlertItemProps {
  center: string;
  alert: Alert;
  t: TFunction;
  index: number;
  top: number;
  measure: (el: HTMLLIElement | null) => void;
}

/** A first guess at an alert's height with its gap, until it is measured. */
const ESTIMATED_HEIGHT = 104;
const GAP = 8;

/** Alerts at the top of the view, of which the first still listed anchors the view. */
const ANCHORS = 8;

/**
 * Keeps the alerts in view where they are when alerts come or go above them, as the browser's
 * scroll anchoring did while every alert was in the page (and, like it, not at the very top).
 * Each anchor is kept as its place in the view, so a correction the virtualizer made meanwhile
 * (an alert above measured) is not made twice.
 */
function useScrollAnchor(v: Virtualizer<HTMLDivElement, HTMLLIElement>, alerts: readonly Alert[]): void {
  const seen = useRef<{ alerts: readonly Alert[]; top: number; anchors: [string, number][] } | null>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useLayoutEffect(() => {
    const el = v.scrollElement;
    if (!el) return;
    // the virtualizer's own offset: reading the element's would lay the page out again
    let top = v.scrollOffset ?? 0;
    const before = seen.current;
    if (before && before.alerts !== alerts && before.top > 0) {
      const index = new Map(alerts.map((a, i) => [a.id, i]));
      for (const [id, inView] of before.anchors) {
        const i = index.get(id);
        const start = i === undefined ? undefined : v.measurementsCache[i]?.start;
        if (start === undefined) continue;
        if (Math.abs(start - inView - top) >= 1) {
          top = start - inView;
          el.scrollTop = top;
          // the alerts at the new offset are drawn in this frame, not after the scroll event
          v.scrollOffset = top;
          rerender();
        }
        break;
      }
    }
    const anchors: [string, number][] = [];
    const items = v.measurementsCache;
    // from the first alert at least partly in view, as the browser picks its anchor
    let i = v.getVirtualItemForOffset(top)?.index ?? items.length;
    while (i < items.length && items[i]!.end <= top) i++;
    for (const end = Math.min(i + ANCHORS, items.length); i < end; i++) anchors.push([String(items[i]!.key), items[i]!.start - top]);
    seen.current = { alerts, top, anchors };
  });
}

/**
 * The open (and acknowledged) alerts, newest first; an open one can be acknowledged. A busy floor
 * has hundreds open and hundreds coming and going every second: only those in view are in the page.
 */
export const AlertPanel = memo(function AlertPanel({ center, alerts }: { center: string; alerts: readonly Alert[] }) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  // measured heights are kept by alert, whatever its place; a new key function would make the
  // virtualizer place every alert again, so it changes only with the list
  const getItemKey = useCallback((i: number) => alerts[i]?.id ?? i, [alerts]);
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLLIElement>({
    count: alerts.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_HEIGHT,
    getItemKey,
    gap: GAP,
    paddingStart: GAP,
    paddingEnd: GAP,
    overscan: 3,
    initialRect: { width: 340, height: 720 },
  });
  useScrollAnchor(virtualizer, alerts);
  return (
    <section className="panel sv-alerts" aria-label={t('alert.title')} data-testid="alert-panel">
      <div className="panel-head">
        <h2>{t('alert.title')}</h2>
        <span className="panel-count">{alerts.length}</span>
      </div>
      {alerts.length === 0 ? (
        <p className="sv-alerts-none">{t('alert.none')}</p>
      ) : (
        <div className="sv-alert-scroll" ref={scrollRef}>
          <ul className="sv-alert-list" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((v) => {
              const a = alerts[v.index];
              return a ? <AlertItem key={v.key} center={center} alert={a} t={t} index={v.index} top={v.start} measure={virtualizer.measureElement} /> : null;
            })}
          </ul>
        </div>
      )}
    </section>
  );
});
