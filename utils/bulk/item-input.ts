/** One user of a bulk run as the bulk page sends it (startBulk), checked in the service worker. */
import * as z from 'zod/mini';
import { zohoId } from '../platform/dispatch';

export const bulkItemInput = z.object({
  userId: zohoId,
  email: z.optional(z.string().check(z.maxLength(320))),
  name: z.optional(z.string().check(z.maxLength(500))),
  badgeIds: z.array(zohoId).check(z.minLength(1), z.maxLength(200)),
  /** Every badge the dry run saw the user hold: the "before" of an untouched user's removal. */
  held: z.optional(z.array(z.object({ id: zohoId, name: z.string().check(z.maxLength(500)) })).check(z.maxLength(300))),
});

export type BulkItemInput = z.infer<typeof bulkItemInput>;
