// Which pages a user's roles lead to (contract §6); the server still checks every request.

/** The roles that read a center's floor (wallboard, supervisor and quality pages, the centers list). */
const FLOOR_READERS = ['wallboard', 'supervisor', 'quality', 'admin'];

export function readsFloor(roles: readonly string[]): boolean {
  return roles.some((r) => FLOOR_READERS.includes(r));
}

/** An agent and nothing that reads the floor: their own page is their home. */
export function agentOnly(roles: readonly string[]): boolean {
  return roles.includes('agent') && !readsFloor(roles);
}
