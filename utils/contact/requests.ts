import * as z from 'zod/mini';
import { PAGES_AND_PANEL, replies, zohoId } from '../platform/dispatch';
import type { ContactUsersView } from './contact';

export const contactRequests = {
  getContactUsers: {
    from: PAGES_AND_PANEL,
    input: z.object({ contactId: zohoId }),
    reply: replies<ContactUsersView>(),
  },
} as const;
