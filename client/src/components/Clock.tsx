import { formatClock } from '../lib/format/format';
import { useServerNow } from '../lib/time/useServerNow';

/** The server's time of day, hh:mm:ss, from the shared clock. */
export function Clock({ className }: { className?: string }) {
  const now = useServerNow();
  return (
    <time className={className ?? 'clock'} dateTime={new Date(now).toISOString()}>
      {formatClock(now)}
    </time>
  );
}
