/**
 * The removal panel's frame: an extension page the Desk page control opens, and the few plain messages the
 * frame sends its parent (ready, its height, close). What the panel works on travels through the service
 * worker as a PanelContext, registered by the control and read once by the frame.
 */
import type { SerializedError } from '../platform/errors';

export const PANEL_PAGE = '/removal-panel.html';
/** The key of the frame's messages to the control, so other messages on the page are ignored. */
export const PANEL_MESSAGE = 'badgeRemoverPanel';

export type PanelMessage = { action: 'ready' } | { action: 'close' } | { action: 'size'; height: number };

export type PanelContext =
  | { kind: 'user'; target: { userId: string; helpCenterId?: string } }
  | { kind: 'contact'; contactId: string }
  | { kind: 'unresolved'; problem: SerializedError };

/** A registered context stays claimable this long; the frame claims it within milliseconds. */
export const PANEL_CONTEXT_TTL_MS = 5 * 60_000;

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
