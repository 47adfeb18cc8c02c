import { serverInfo, snapshot, until, type Snapshot } from './api.js';

export const DEMO = 'demo';

/** The demo must have its floor this long after the server's start. */
export const DEMO_FLOOR_WITHIN_MS = 60_000;

/**
 * Waits until the demo switch has a floor: queues, and agents logged in. Its agents log in over
 * its first ~30 s, so this also waits until the count of logged-in agents stopped growing for 3 s
 * or reached minAgents. The deadline counts from the server's start (so a missing demo fails the
 * first test that needs it slowly and the others fast), with at least 5 s from now.
 */
export async function waitForDemoFloor(bearer: string, minAgents = 40): Promise<Snapshot> {
  const timeoutMs = Math.max(5_000, serverInfo().startedAt + DEMO_FLOOR_WITHIN_MS - Date.now());
  let best = 0;
  let steadySince = Date.now();
  try {
    return await until(
      'the demo center (FloorWatch__Demo=true) to have queues and logged-in agents',
      async () => {
        const s = await snapshot(DEMO, bearer);
        if (!s) return false;
        const loggedIn = s.agents.filter((a) => a.state !== 'loggedout').length;
        if (loggedIn > best) {
          best = loggedIn;
          steadySince = Date.now();
        }
        const ready = s.queues.length > 0 && loggedIn > 0 && (loggedIn >= minAgents || Date.now() - steadySince > 3_000);
        return ready ? s : false;
      },
      timeoutMs,
      500,
    );
  } catch (e) {
    throw new Error(`${(e as Error).message}\n(no demo floor: is the demo switch in this server build? GET /api/centers/demo/snapshot is 404 until it feeds; best count of logged-in agents seen: ${best})`);
  }
}
