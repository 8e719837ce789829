/**
 * The registry of page kinds: each is one folder here and one line below. The content script reads it to know a
 * page and what its control opens; the URL patterns, the options page and the popup read the kinds' data
 * (utils/page/kind-catalog.ts); the panel page shows each context kind with its panel (entrypoints/removal-panel/panels.tsx).
 */

import type { PageKindName } from '../page/kind-catalog';
import { type ContactPage, contactPageKind } from './contact';
import { type HelpCenterUserPage, helpCenterUserPageKind } from './helpcenter-user';
import type { Identified, IdentifyApi, PageKind } from './kind';

/** In the order they are tried: the first kind whose pattern matches a URL is the page's. */
const PAGE_KINDS = [helpCenterUserPageKind, contactPageKind] as const;

export type DeskPage = NonNullable<ReturnType<(typeof PAGE_KINDS)[number]['detect']>>;

/** Compiles only while every kind named in utils/page/kind-catalog.ts has its entry above. */
type Unregistered = Exclude<PageKindName, DeskPage['kind']>;
true satisfies [Unregistered] extends [never] ? true : Unregistered;

const kindOf = (page: DeskPage) => PAGE_KINDS.find((k) => k.kind === page.kind) as unknown as PageKind<DeskPage>;

export function detectPage(
  url: string,
  customPatterns: readonly string[] = [],
  deskAddresses: readonly string[] = [],
): DeskPage | null {
  for (const kind of PAGE_KINDS) {
    const page = kind.detect(url, customPatterns, deskAddresses);
    if (page) return page;
  }
  return null;
}

export const pageKey = (page: DeskPage): string => kindOf(page).key(page);

export const identifyPage = (
  page: DeskPage,
  env: { api: IdentifyApi; document: Document; signal: AbortSignal },
): Promise<Identified> => kindOf(page).identify(page, env);

export type { ContactPage, HelpCenterUserPage, IdentifyApi };
