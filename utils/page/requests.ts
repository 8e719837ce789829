/** What a Desk page's content script may ask of page detection: its configuration (read only), and the corner. */
import * as z from 'zod/mini';
import { replies } from '../platform/dispatch';
import type { PageConfig } from './page-config';
import { CORNERS, type Corner } from './shadow-mount';

export const pageRequests = {
  getPageConfig: { from: ['content-script'], input: z.object({}), reply: replies<PageConfig>() },
  // Where the admin moved the floating control: cosmetic, and the one thing a Desk page's script can change.
  saveCorner: {
    from: ['content-script'],
    input: z.object({ corner: z.enum(CORNERS as unknown as [Corner, ...Corner[]]) }),
    reply: replies<null>(),
  },
} as const;
