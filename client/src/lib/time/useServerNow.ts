import { useClock } from './clock';
import { useFloor } from '../store/useFloorStore';

/** The server's clock (ms), ticking once a second with the shared clock. */
export function useServerNow(): number {
  const clientNow = useClock();
  const offset = useFloor((s) => s.clockOffsetMs);
  return clientNow - offset;
}
