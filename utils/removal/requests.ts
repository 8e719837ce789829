/** Reading a user's badges and removing them, and the panel the Desk page control opens. */
import * as z from 'zod/mini';
import { PAGES_AND_PANEL, replies, zohoId } from '../platform/dispatch';
import { t } from '../platform/i18n';
import type { UserBadgesView } from '../platform/zoho/views';
import {
  type PanelContext,
  pageEmail,
  type RegisteredContext,
  registeredContext,
  removalTarget,
} from './panel-context';
import type { RemovalReport } from './report';

const panelId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a panel id'));

export const removalRequests = {
  getUserBadges: { from: PAGES_AND_PANEL, input: removalTarget, reply: replies<UserBadgesView>() },
  identifyUser: {
    from: ['extension-page', 'content-script'],
    input: removalTarget,
    reply: replies<{ name: string; email?: string }>(),
  },
  /**
   * The Desk page control, on a page that shows its user's email alone: the context its panel opens on, and the names
   * the page shows for that user (the control goes beside them). Past the lookup bound (utils/page/lookup-bound.ts),
   * or when the lookup failed for any reason but "no such user", the email itself, looked up at the click.
   */
  identifyByEmail: {
    from: ['content-script'],
    input: z.object({ email: pageEmail, helpCenterId: z.optional(zohoId) }),
    reply: replies<{ context: RegisteredContext; names: string[] }>(),
  },
  // Only the extension's own pages change anything (the panel for its own target alone): the Desk page control
  // merely opens the panel frame.
  removeBadges: {
    from: PAGES_AND_PANEL,
    input: z.object({
      userId: zohoId,
      helpCenterId: z.optional(zohoId),
      badgeIds: z.array(zohoId).check(
        z.minLength(1, { error: () => t('worker_request_choose_badge') }),
        z.maxLength(200),
        z.refine((ids) => new Set(ids).size === ids.length, { error: () => t('worker_request_badges_repeat') }),
      ),
    }),
    reply: replies<RemovalReport>(),
  },
  /**
   * The Desk page control, before any click (the pointer over it, its focus, the page idle): a panel id for a frame
   * loaded ahead, hidden, that may claim nothing until a click opens it. Null where the panel would open in a window.
   */
  preloadPanel: {
    from: ['content-script'],
    input: z.object({ tracksVisibility: z.boolean() }),
    reply: replies<{ panelId: string | null }>(),
  },
  /**
   * The Desk page control, on a trusted click: registers what the panel frame will work on, in the frame it loaded
   * ahead (`preloaded`) if that one may still be opened, else in a new one.
   */
  openPanel: {
    from: ['content-script'],
    input: z.object({
      preloaded: z.optional(panelId),
      context: registeredContext,
      /** Whether the browser reports visibility (IntersectionObserver v2): a panel in the page depends on it. */
      tracksVisibility: z.boolean(),
    }),
    /**
     * `window`: the panel opens in a window of the extension, not a frame: on the organization's own domain, and
     * where the browser cannot tell whether the page covers it (unless the admin chose otherwise).
     */
    reply: replies<{ panelId: string; mode: 'frame' | 'window' }>(),
  },
  /** The panel frame: the context its control registered, for the frame's own tab only, while fresh. */
  getPanelContext: {
    from: ['panel'],
    input: z.object({
      panelId,
      /** The Desk origin framing the panel (utils/removal/panel-frame.ts `panelPlace`); absent in a window. */
      framedBy: z.optional(z.string().check(z.maxLength(300))),
      /** The panel page's own feature check: framed, it may run only where the browser reports visibility. */
      tracksVisibility: z.boolean(),
    }),
    reply: replies<PanelContext>(),
  },
} as const;
