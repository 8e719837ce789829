/**
 * The removal panel's frame: an extension page the Desk page control opens, and the few plain messages the
 * frame sends its parent (ready, its height, close) and the one its parent sends a frame loaded ahead (claimed).
 * What the panel works on travels through the service worker as a PanelContext (./panel-context.ts), registered by
 * the control and read by the frame (again if it reloads). What the
 * admin chose so far stays in the frame's own session storage, so a frame that reloads goes on from there.
 */
import type { RemovalReport } from './report';

/** The key of the frame's messages to the control, so other messages on the page are ignored. */
export const PANEL_MESSAGE = 'badgeRemoverPanel';

export type PanelMessage = { action: 'ready' } | { action: 'close' } | { action: 'size'; height: number };

/**
 * The control's one message to a frame it loaded ahead of the click: the click registered this frame's panel, so it
 * may ask for its context now. Anyone in the page can post it; the service worker's answer is what counts.
 */
export const PANEL_CLAIMED = { [PANEL_MESSAGE]: { action: 'claimed' } } as const;

/**
 * The worker's refusal to a frame loaded ahead of the click (`preloadPanel`) that asks before the click claimed it:
 * that frame then waits for the claim, hidden and empty.
 */
export const PANEL_NOT_OPENED = 'panel-not-opened';

/** The claims the panel page has heard of so far, and a wait for the next. */
export interface Claims {
  count(): number;
  /** Resolves once more than `seen` claims came. */
  after(seen: number): Promise<void>;
}

/** A panel in a window of its own is opened with its context: nobody tells it of a claim. */
export const NO_CLAIMS: Claims = { count: () => 0, after: () => new Promise(() => {}) };

/** The control's words that a click claimed this frame: messages from its parent, on the Desk origin, only. */
export function claimsFrom(
  target: Pick<Window, 'addEventListener'>,
  parent: MessageEventSource,
  parentOrigin: string,
): Claims {
  let count = 0;
  const waiting = new Set<() => void>();
  target.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== parent || event.origin !== parentOrigin) return;
    const message = (event.data as Record<string, unknown> | null)?.[PANEL_MESSAGE] as { action?: unknown } | null;
    if (message?.action !== 'claimed') return;
    count++;
    for (const wake of waiting) wake();
  });
  return {
    count: () => count,
    after: (seen) =>
      new Promise<void>((done) => {
        const wake = () => {
          if (count <= seen) return;
          waiting.delete(wake);
          done();
        };
        waiting.add(wake);
        wake();
      }),
  };
}

/**
 * What `ask` gets once a click opened this panel. A frame the control loaded ahead of the click is refused until then
 * (the worker says it is not opened yet): it stays empty, and asks again when its control says a click claimed it.
 * Whether it may have the context is the worker's answer alone; the word only says when to ask.
 */
export async function askOnceClaimed<T>(claims: Claims, ask: () => Promise<T>): Promise<T> {
  for (;;) {
    const seen = claims.count();
    try {
      return await ask();
    } catch (error) {
      if ((error as { errorCode?: unknown } | null)?.errorCode !== PANEL_NOT_OPENED) throw error;
      await claims.after(seen);
    }
  }
}

/**
 * A registered context stays claimable this long, by frames of its tab: the frame claims it within
 * milliseconds, and again if it reloads.
 */
export const PANEL_CONTEXT_TTL_MS = 5 * 60_000;
/**
 * A frame loaded ahead of the click waits this long for it: it holds nothing to claim, so only the stored entry's
 * size is at stake, and an admin may read a page a while before clicking.
 */
export const PRELOADED_PANEL_TTL_MS = 60 * 60_000;

/** What the panel page knows of where it is shown. */
export interface PanelPlace {
  /** The page is a window's top document (the panel window the service worker opened). */
  top: boolean;
  /** Every ancestor's origin, nearest first (`location.ancestorOrigins`; Firefox has none). */
  ancestorOrigins?: ArrayLike<string>;
  /** `document.referrer`: the parent's address, where the browser lists no ancestors. */
  referrer: string;
}

/**
 * Whether the panel may show here: in a window of its own, or framed by a Zoho Desk page with no other origin
 * above it (every ancestor origin is a Desk origin). Where the browser lists no ancestors (Firefox), the referrer
 * names the parent; the service worker then checks it against the origin of the top-frame content script that
 * registered the panel (`getPanelContext`'s `framedBy`), which only the top frame's content script can do.
 */
export function panelPlace(
  place: PanelPlace,
  isDeskOrigin: (origin: string) => boolean,
): { window: true } | { framedBy: string } | null {
  if (place.top) return { window: true };
  const ancestors = place.ancestorOrigins ? Array.from(place.ancestorOrigins) : null;
  if (ancestors) return ancestors.length > 0 && ancestors.every(isDeskOrigin) ? { framedBy: ancestors[0]! } : null;
  let parent: string;
  try {
    parent = new URL(place.referrer).origin;
  } catch {
    return null;
  }
  return isDeskOrigin(parent) ? { framedBy: parent } : null;
}

/**
 * The steps the frame's height is told in: a size message says only how tall the panel is, rounded up, so the
 * page cannot tell from it which step shows (the preview, when its confirm button appears), nor time a lure.
 */
export const PANEL_HEIGHT_STEP = 160;

export function coarseHeight(height: number): number {
  return Math.max(1, Math.ceil(height / PANEL_HEIGHT_STEP)) * PANEL_HEIGHT_STEP;
}

/** The frame's message, if `event` is one from exactly this frame, on the extension's origin. */
export function panelMessage(
  event: MessageEvent,
  frame: HTMLIFrameElement,
  extensionOrigin: string,
): PanelMessage | null {
  if (event.source !== frame.contentWindow || event.origin !== extensionOrigin) return null;
  const message = (event.data as Record<string, unknown> | null)?.[PANEL_MESSAGE] as PanelMessage | undefined;
  if (!message || typeof message !== 'object') return null;
  if (message.action === 'ready' || message.action === 'close') return { action: message.action };
  if (message.action === 'size' && Number.isFinite(message.height)) return { action: 'size', height: message.height };
  return null;
}

/** Where the admin is in a removal panel: restored when its frame reloads. */
export interface PanelChoices {
  /** Whose badges: choices for another user (a contact's other help center) are not restored. */
  userId: string;
  helpCenterId?: string;
  step: 'choose' | 'preview' | 'result';
  /** The checked badges. */
  selected: string[];
  /** The verified report, once there is one. */
  report?: RemovalReport;
}

export interface PanelChoicesStore {
  read(): PanelChoices | null;
  write(choices: PanelChoices): void;
  clear(): void;
}

const STEPS: readonly string[] = ['choose', 'preview', 'result'] satisfies PanelChoices['step'][];

/** What was stored, if it has the shape this code writes (no schema library in the panel's bundle). */
function asChoices(value: unknown): PanelChoices | null {
  const v = value as Partial<Record<keyof PanelChoices, unknown>> | null;
  const report = v?.report as Partial<RemovalReport> | undefined;
  const ok =
    typeof v?.userId === 'string' &&
    (v.helpCenterId === undefined || typeof v.helpCenterId === 'string') &&
    typeof v.step === 'string' &&
    STEPS.includes(v.step) &&
    Array.isArray(v.selected) &&
    v.selected.every((id) => typeof id === 'string') &&
    (report === undefined || (typeof report === 'object' && report !== null && Array.isArray(report.results)));
  return ok ? (v as PanelChoices) : null;
}

/**
 * A panel's choices in the frame's session storage: its tab's, in the extension's origin, which no Desk page
 * reaches. A storage the browser refuses only means nothing is restored.
 */
export function panelChoicesStore(
  session: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null,
  panelId: string,
): PanelChoicesStore {
  const key = `panelChoices:${panelId}`;
  return {
    read() {
      try {
        return asChoices(JSON.parse(session?.getItem(key) ?? 'null'));
      } catch {
        return null;
      }
    },
    write(choices) {
      try {
        session?.setItem(key, JSON.stringify(choices));
      } catch {}
    },
    clear() {
      try {
        session?.removeItem(key);
      } catch {}
    },
  };
}
