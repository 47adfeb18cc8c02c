import { formatDuration } from '../lib/format/format';
import { tickLongestWait, tickSeconds, timeInState } from '../lib/time/time';
import { useServerNow } from '../lib/time/useServerNow';

// Small components that read the shared clock, so the rows and tiles around them stay memoised.

export function waitLevel(seconds: number, thresholdSeconds: number | null | undefined): 'ok' | 'warn' | 'bad' {
  const t = thresholdSeconds && thresholdSeconds > 0 ? thresholdSeconds : 20;
  if (seconds > 3 * t) return 'bad';
  if (seconds > t) return 'warn';
  return 'ok';
}

export function LongestWait(props: {
  waiting: number;
  longestWaitSeconds: number | null;
  asOfMs: number | null;
  thresholdSeconds?: number | null | undefined;
  className?: string;
  testId?: string;
}) {
  const now = useServerNow();
  const s = tickLongestWait(props.waiting, props.longestWaitSeconds, props.asOfMs, now);
  const level = props.waiting > 0 ? waitLevel(s, props.thresholdSeconds) : 'ok';
  return (
    <span className={`${props.className ?? ''} wait-${level}`} data-testid={props.testId}>
      {formatDuration(s)}
    </span>
  );
}

/** now − since */
export function TimeInState({ since, className }: { since: string | null; className?: string }) {
  const now = useServerNow();
  return <span className={className}>{formatDuration(timeInState(since, now))}</span>;
}

/** A pushed running figure (talk or wait seconds) ticked forward from its push. */
export function RunningSeconds({ seconds, asOfMs, className }: { seconds: number | null; asOfMs: number | null; className?: string }) {
  const now = useServerNow();
  return <span className={className}>{formatDuration(tickSeconds(seconds, asOfMs, now))}</span>;
}
