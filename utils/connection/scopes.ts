/** The scopes the extension asks for (docs/zoho.md §6): users, badges, search. */
export const DESK_SCOPES = [
  'Desk.basic.READ',
  'Desk.settings.READ',
  'Desk.settings.UPDATE',
  'Desk.contacts.READ',
  'Desk.contacts.UPDATE',
  'Desk.search.READ',
] as const;

/** The scope string Zoho's console takes (a Self Client's code is generated for it). */
export const DESK_SCOPE_STRING = DESK_SCOPES.join(',');

/** Whether a granted scope covers a wanted one: the same (Zoho's case varies), or its group's `ALL`. */
function covers(granted: string, wanted: string): boolean {
  const g = granted.toLowerCase();
  const w = wanted.toLowerCase();
  return g === w || (g.endsWith('.all') && w.startsWith(g.slice(0, -'all'.length)));
}

/** The scopes the extension needs that `granted` lacks. */
export function missingScopes(granted: readonly string[]): string[] {
  return DESK_SCOPES.filter((wanted) => !granted.some((g) => covers(g, wanted)));
}
