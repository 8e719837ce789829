/** Which of one kind's URL shapes a Desk page's address has: the kind's built-ins (./kind-catalog.ts), then the admin's. */
import { isDeskOrigin } from '../platform/zoho/desk-web';
import { PAGE_KIND_CATALOG, type PageKindName, pageKindNames } from './kind-catalog';
import { type CompiledPattern, compileBuiltIn, compileCustom, matchTarget, type PatternCaptures } from './url-pattern';

/** What patterns match in a URL on a Desk origin (Zoho's, or one of the organization's own addresses). */
export const deskTarget = (url: string, deskAddresses: readonly string[]): string | null =>
  matchTarget(url, (origin) => isDeskOrigin(origin) || deskAddresses.includes(origin));

/** Compiled once, as each kind's detector did before. */
const BUILT_INS = Object.fromEntries(
  pageKindNames.map((kind) => [kind, PAGE_KIND_CATALOG[kind].builtIns.map(compileBuiltIn)]),
) as Record<PageKindName, CompiledPattern[]>;

/** The first of the kind's patterns that matches the URL, with what it captured; null on no Desk page of the kind. */
export function matchPageKind(
  kind: PageKindName,
  url: string,
  customPatterns: readonly string[],
  deskAddresses: readonly string[],
): { captures: PatternCaptures; pattern: string } | null {
  const target = deskTarget(url, deskAddresses);
  if (target === null) return null;
  for (const pattern of [...BUILT_INS[kind], ...compileCustom(customPatterns).filter((p) => p.kind === kind)]) {
    const captures = pattern.match(target);
    if (captures) return { captures, pattern: pattern.source };
  }
  return null;
}
