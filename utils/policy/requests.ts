/** What the extension's pages may ask of the policy: what it sets (to show those values locked), or why it is refused. */
import * as z from 'zod/mini';
import { PAGES_ONLY, replies } from '../platform/dispatch';
import type { PolicyView } from './policy';

export const policyRequests = {
  getPolicy: { from: PAGES_ONLY, input: z.object({}), reply: replies<PolicyView>() },
} as const;
