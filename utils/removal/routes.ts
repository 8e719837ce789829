/** Removal's routes to Zoho, by themselves: the pages show their labels without the settings' storage. */

/** Zoho's two ways to take a badge from a user (docs/zoho.md, 5.6 and 5.10). */
export type RemovalRoute = 'helpcenter-delete' | 'users-dissociate';
/** `auto`: try one, and remember per organization the one that worked. */
export const ROUTE_SETTINGS = ['auto', 'helpcenter-delete', 'users-dissociate'] as const;
export type RouteSetting = (typeof ROUTE_SETTINGS)[number];

export const ROUTE_LABELS: Record<RemovalRoute, string> = {
  'helpcenter-delete': 'Help Center DELETE',
  'users-dissociate': 'Users dissociate',
};
