/** What the removal panels need from the service worker: plain messages, so the Desk page's script stays small. */
import type { RemovalReport } from '../utils/badges/report';
import type { Responses } from '../utils/messaging';
import { type MessageSender, request } from '../utils/messaging-client';
import type { ContactUsersView, UserBadgesView } from '../utils/views';

export interface RemovalTarget {
  userId: string;
  helpCenterId?: string;
}

/** Injected so the panels can be tested without a browser. */
export interface PanelApi {
  getStatus(): Promise<Responses['getStatus']>;
  getUserBadges(target: RemovalTarget): Promise<UserBadgesView>;
  removeBadges(input: RemovalTarget & { badgeIds: string[] }): Promise<RemovalReport>;
  openOptions(): Promise<void>;
}

/** The panel on contact pages also maps the contact to its Help Center user(s). */
export interface ContactPanelApi extends PanelApi {
  getContactUsers(contactId: string): Promise<ContactUsersView>;
}

export function createPanelApi(runtime: MessageSender): ContactPanelApi {
  return {
    getContactUsers: (contactId) => request(runtime, 'getContactUsers', { contactId }),
    getStatus: () => request(runtime, 'getStatus', {}),
    getUserBadges: (target) => request(runtime, 'getUserBadges', target),
    removeBadges: (input) => request(runtime, 'removeBadges', input),
    openOptions: async () => {
      await request(runtime, 'openOptions', {});
    },
  };
}
