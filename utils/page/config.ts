/** What content scripts get of page detection's settings: read here, handed out by the service worker. */
import type { PageConfig } from './page-config';
import { anchorSelectorItem, deskAddressesItem, floatingCornerItem, pagePatternsItem } from './stored';

/** `deskAddresses`: the ones in force (the organization's policy may set them: utils/policy/policy.ts). */
export async function readPageConfig(
  deskAddresses: () => Promise<string[]> = () => deskAddressesItem.getValue(),
): Promise<PageConfig> {
  const [patterns, addresses, anchorSelector, corner] = await Promise.all([
    pagePatternsItem.getValue(),
    deskAddresses(),
    anchorSelectorItem.getValue(),
    floatingCornerItem.getValue(),
  ]);
  return { patterns, deskAddresses: addresses, anchorSelector, ...(corner ? { corner } : {}) };
}

/** Calls back whenever what content scripts read changes (the corner aside: the tab that moved it knows). */
export function watchPageConfig(onChange: () => void): () => void {
  const unwatch = [pagePatternsItem, deskAddressesItem, anchorSelectorItem].map((item) => item.watch(onChange));
  return () => {
    for (const stop of unwatch) stop();
  };
}
