import type { Me } from '../../lib/api/types';

/**
 * The centers an agent may pick from: their own list, or every center listed to them when they
 * are scoped to all ("*").
 */
export function agentCenters(me: Me, listed: readonly string[]): string[] {
  const own = me.centers ?? [];
  const ids = own.includes('*') ? listed : own;
  return [...new Set(ids)].sort();
}
