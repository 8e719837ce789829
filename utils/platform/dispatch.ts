/**
 * The service worker's side of the message protocol: a request table (one schema and one list of
 * allowed senders per request), the one place that classifies senders, and the one dispatcher that
 * refuses anything it cannot check (fail closed). Replies carry results, never tokens. The features'
 * entries are gathered in utils/requests.ts.
 */
import * as z from 'zod/mini';
import { type SerializedError, serializeError } from './errors';
import { PANEL_PAGE, panelIdOf } from './extension-pages';
import { t } from './i18n';
import { ZOHO_ID } from './ids';
import { dataCenterByDeskOrigin } from './zoho/datacenters';

/**
 * Who may send a request: the extension's own pages (options, popup, bulk, audit), the removal panel (an extension
 * page too, framed in a Desk tab or in a window of its own: narrower, bound to the one target its context names),
 * and Desk content scripts (whose world a hostile page's renderer can reach).
 */
export type SenderKind = 'extension-page' | 'panel' | 'content-script';

export interface RequestEntry {
  from: readonly SenderKind[];
  input: z.ZodMiniType;
  /** The reply's type, for the typed client and the handlers; nothing at run time. */
  reply: unknown;
}
export type RequestTable = Record<string, RequestEntry>;

/** Names a request's reply type in its entry (`reply: replies<StatusView>()`). */
export const replies = <T>(): T => undefined as T;

export const PAGES_ONLY = ['extension-page'] as const satisfies readonly SenderKind[];
/** What the panel may ask too: reading and removing for its own target (checked by the handlers). */
export const PAGES_AND_PANEL = ['extension-page', 'panel'] as const satisfies readonly SenderKind[];

/** A numeric Zoho ID (utils/platform/ids.ts) in a request. */
export const zohoId = z.string().check(z.regex(ZOHO_ID, { error: () => t('worker_request_not_zoho_id') }));

export type Reply<T> = { ok: true; value: T } | { ok: false; error: SerializedError };

// ---- Sender classification: the only code that reads `sender` ----

export interface SenderLike {
  id?: string;
  origin?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export type ClassifiedSender =
  /** `tabId`: the tab an extension page is shown in, if any. */
  | { kind: 'extension-page'; tabId?: number }
  /** `panelId`: the context its URL names; `tabId`: the Desk tab it is framed in, or its own window's tab. */
  | { kind: 'panel'; panelId: string; tabId?: number }
  /** `url`: the page's address when it asked (it changes with in-page navigation). */
  | { kind: 'content-script'; deskOrigin: string; tabId: number; url?: string };

/**
 * Extension pages: our own id and origin, no tab, or a tab showing our own page (the popup opened
 * as a tab). Content scripts: our own id, a tab, the top frame, on an allowed Desk host.
 * Anything else is null: refused.
 */
export function classifySender(
  sender: SenderLike,
  runtimeId: string,
  extensionOrigin: string,
  /** The organization's own Desk addresses the admin added (read from storage by the caller). */
  deskAddresses: readonly string[] = [],
): ClassifiedSender | null {
  if (!sender || sender.id !== runtimeId) return null;
  const origin = senderOrigin(sender);
  if (origin === undefined) return null;
  if (origin === extensionOrigin) {
    const tab = sender.tab?.id === undefined ? {} : { tabId: sender.tab.id };
    const page = extensionPage(sender.url);
    if (page?.path === PANEL_PAGE) return page.panelId ? { kind: 'panel', panelId: page.panelId, ...tab } : null;
    // Only the panel is ever framed: any other framed page of ours (or one with no address) is not trusted.
    if ((sender.frameId ?? 0) !== 0 || (sender.tab?.id !== undefined && !page)) return null;
    return { kind: 'extension-page', ...tab };
  }
  if (sender.tab?.id === undefined || sender.frameId !== 0) return null;
  if (!dataCenterByDeskOrigin(origin) && !deskAddresses.includes(origin)) return null;
  return {
    kind: 'content-script',
    deskOrigin: origin,
    tabId: sender.tab.id,
    ...(sender.url ? { url: sender.url } : {}),
  };
}

function extensionPage(url: string | undefined): { path: string; panelId: string } | null {
  if (!url) return null;
  try {
    return { path: new URL(url).pathname, panelId: panelIdOf(url) };
  } catch {
    return null;
  }
}

function senderOrigin(sender: SenderLike): string | undefined {
  if (sender.origin) return sender.origin.replace(/\/$/, '');
  // Firefox before 126 leaves `origin` unset; the frame URL's origin is the fallback.
  if (!sender.url) return undefined;
  try {
    const url = new URL(sender.url);
    return url.protocol === 'chrome-extension:' || url.protocol === 'moz-extension:'
      ? `${url.protocol}//${url.host}`
      : url.origin;
  } catch {
    return undefined;
  }
}

// ---- Dispatch ----

export type Handlers<T extends RequestTable> = {
  [K in keyof T]: (input: z.infer<T[K]['input']>, sender: ClassifiedSender) => Promise<T[K]['reply']>;
};

const envelope = z.object({ type: z.string(), input: z.optional(z.unknown()) });

const refused = (message: string): Reply<never> => ({
  ok: false,
  error: { kind: 'invalid-request', message },
});

/**
 * Checks the envelope, the sender and the payload, in that order; any failure refuses. `overPort`: sent on a port
 * (utils/platform/request-client.ts `portSender`), whose sender is the one that opened it. Only extension pages send
 * that way: a Desk page's address changes as it navigates, so its requests come as runtime messages, each with its
 * own sender.
 */
export async function dispatch<T extends RequestTable>(
  table: T,
  handlers: Handlers<T>,
  raw: unknown,
  sender: SenderLike,
  runtimeId: string,
  extensionOrigin: string,
  deskAddresses: readonly string[] = [],
  overPort = false,
): Promise<Reply<unknown>> {
  const parsed = envelope.safeParse(raw);
  if (!parsed.success || !Object.hasOwn(table, parsed.data.type)) return refused(t('worker_request_unknown'));
  const type = parsed.data.type as keyof T;
  const from = classifySender(sender, runtimeId, extensionOrigin, deskAddresses);
  const spec = table[type]!;
  if (!from || !spec.from.includes(from.kind) || (overPort && from.kind === 'content-script')) {
    return refused(t('worker_request_not_from_here'));
  }
  const input = spec.input.safeParse(parsed.data.input ?? {});
  if (!input.success) {
    return refused(t('worker_invalid_request', [input.error.issues.map((i) => i.message).join('; ')]));
  }
  try {
    const handler = handlers[type] as (input: unknown, sender: ClassifiedSender) => Promise<unknown>;
    return { ok: true, value: await handler(input.data, from) };
  } catch (error) {
    return { ok: false, error: serializeError(error) };
  }
}
