/** The popup's lookup: users by name or email, help centers, and what a Desk page's IDs are. */
import * as z from 'zod/mini';
import { PAGES_ONLY, replies, zohoId } from '../platform/dispatch';
import { t } from '../platform/i18n';
import type { HelpCenterView, UserSearchPage } from '../platform/zoho/views';
import type { RecognizedPageView } from './recognize-with-zoho';

export const searchRequests = {
  searchUsers: {
    from: PAGES_ONLY,
    input: z.object({
      query: z
        .string()
        .check(z.trim(), z.minLength(2, { error: () => t('worker_request_search_too_short') }), z.maxLength(200)),
      helpCenterId: z.optional(zohoId),
      from: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(100_000))),
    }),
    reply: replies<UserSearchPage>(),
  },
  listHelpCenters: { from: PAGES_ONLY, input: z.object({}), reply: replies<HelpCenterView[]>() },
  recognizePage: {
    from: PAGES_ONLY,
    input: z.object({ url: z.string().check(z.maxLength(2000)) }),
    reply: replies<RecognizedPageView>(),
  },
} as const;
