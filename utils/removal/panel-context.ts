/**
 * What a removal panel works on: the context the Desk page control registers (`openPanel`) and the panel frame reads
 * back (`getPanelContext`). The schemas are the one declaration: the types are inferred from them, and the content
 * script and the panel page import the types alone, so no schema reaches their bundles.
 */
import * as z from 'zod/mini';
import { zohoId } from '../platform/dispatch';
import { ZOHO_ERROR_KINDS } from '../platform/errors';
import { t } from '../platform/i18n';

/** A Help Center user whose badges are read and removed (in one help center, when it names one). */
export const removalTarget = z.object({ userId: zohoId, helpCenterId: z.optional(zohoId) });
export type RemovalTarget = z.infer<typeof removalTarget>;

const user = z.object({ kind: z.literal('user'), target: removalTarget });
const contact = z.object({ kind: z.literal('contact'), contactId: zohoId });
/** The page's user could not be told (not connected, no such user): the panel says why. */
const unresolved = z.object({
  kind: z.literal('unresolved'),
  problem: z.object({
    kind: z.enum(ZOHO_ERROR_KINDS),
    message: z.string().check(z.maxLength(500)),
    action: z.optional(z.string().check(z.maxLength(500))),
  }),
});
/** An email a Desk page shows, as the content script finds it (utils/page-kinds/helpcenter-user/dom-fallback.ts). */
export const pageEmail = z
  .string()
  .check(z.regex(/^[^\s@]+@[^\s@]+$/, { error: () => t('worker_request_not_email') }), z.maxLength(320));

/**
 * The email the page shows, which the service worker looks up once the admin's click opened the panel: past the
 * lookup bound (utils/page/lookup-bound.ts), or when the worker could not look it up before. Registered only; the
 * panel is given the user it found.
 */
const email = z.object({ kind: z.literal('email'), email: pageEmail, helpCenterId: z.optional(zohoId) });

/** What a panel is shown: each kind has its panel (entrypoints/removal-panel/panels.tsx). */
export const panelContext = z.union([user, contact, unresolved]);
export type PanelContext = z.infer<typeof panelContext>;

/** What a control registers: a panel's context, or the email the worker looks up on the click. */
export const registeredContext = z.union([user, contact, unresolved, email]);
export type RegisteredContext = z.infer<typeof registeredContext>;
