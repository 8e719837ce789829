/** What a kind of Desk page is to the extension: how to know it from its URL, and what its control opens a panel on. */

import type { PageKindName } from '../page/kind-catalog';
import type { RegisteredContext, RemovalTarget } from '../removal/panel-context';

/**
 * The service worker's lookups a page may use to tell who it shows. The content script's client
 * (utils/client.ts) is passed as it is: the compiler checks it answers these.
 */
export interface IdentifyApi {
  identifyUser(target: RemovalTarget): Promise<{ name: string; email?: string }>;
  identifyByEmail(input: {
    email: string;
    helpCenterId?: string;
  }): Promise<{ context: RegisteredContext; names: string[] }>;
}

export interface Identified {
  /** What the control registers when the admin clicks: the panel's context (utils/removal/panel-context.ts). */
  context: RegisteredContext;
  /** The names the page shows for its target, once known: the element showing them is where the control goes. */
  names?: Promise<string[]>;
}

export interface PageKind<P extends { kind: PageKindName }> {
  kind: P['kind'];
  /** The page at `url`, or null; `deskAddresses` are the organization's own Desk addresses the admin added. */
  detect(url: string, customPatterns: readonly string[], deskAddresses: readonly string[]): P | null;
  /** The same key means the same target: navigation between such URLs keeps the control as it is. */
  key(page: P): string;
  /** In the content script: what the control on this page opens a panel on. */
  identify(page: P, env: { api: IdentifyApi; document: Document; signal: AbortSignal }): Promise<Identified>;
}
