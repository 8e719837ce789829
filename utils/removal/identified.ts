/**
 * Who a Desk page shows, as the content script registers it and the service worker answers it (no schemas here:
 * the content script bundles this).
 */
import type { RegisteredContext } from './panel-context';

/** An email the page shows, as a context: the service worker looks it up once the admin's click opens the panel. */
export const emailContext = (email: string, helpCenterId?: string): RegisteredContext => ({
  kind: 'email',
  email,
  ...(helpCenterId ? { helpCenterId } : {}),
});

/** The names a page shows for a user, the control's best place: the name, and the email. */
export const namesShown = (user: { name: string; email?: string }): string[] => [
  user.name,
  ...(user.email ? [user.email] : []),
];
