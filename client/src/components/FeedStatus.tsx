import { useShallow } from 'zustand/react/shallow';
import { useFloor } from '../lib/store/useFloorStore';
import { staleness } from '../lib/store/floor';
import { StatusBadge } from './StatusBadge';

/** The hub feed's connection state, for the pages fed by it. */
export function FeedStatus({ large, hideStaleText }: { large?: boolean; hideStaleText?: boolean }) {
  const connection = useFloor((s) => s.connection);
  const asOfMs = useFloor((s) => s.asOfMs);
  const stale = useFloor(useShallow(staleness));
  const feedDown = useFloor((s) => s.feed?.status === 'down');
  const resyncing = useFloor((s) => s.phase === 'resyncing');
  return (
    <StatusBadge
      connection={connection}
      stale={stale.stale}
      staleSince={stale.since}
      updatedAt={asOfMs}
      feedDown={feedDown}
      resyncing={resyncing}
      large={large ?? false}
      hideStaleText={hideStaleText ?? false}
    />
  );
}
