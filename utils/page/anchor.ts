/**
 * Where the control goes on a Desk page whose markup we do not know. First that works: the admin's own
 * selector → the element that shows the user's name or email → the first heading of the main content →
 * nothing (the caller then floats the control in a corner). No class name or element of Zoho's is assumed.
 */
import { t } from '../platform/i18n';

export type AnchorKind = 'selector' | 'name' | 'heading';

export interface Anchor {
  element: Element;
  kind: AnchorKind;
}

export interface AnchorHints {
  /** The admin's anchor selector (Advanced); a broken one is skipped. */
  selector?: string;
  /** The user's name and email, once known. */
  names?: readonly string[];
  /** Elements that are ours (the control's host): never an anchor, never searched. */
  isOwn?: (element: Element) => boolean;
  isVisible?: (element: Element) => boolean;
}

/** Lower is better: a better anchor found later takes the control over. */
export const ANCHOR_RANK: Record<AnchorKind | 'floating', number> = { selector: 0, name: 1, heading: 2, floating: 3 };

// Page chrome: a name or heading there is navigation, not the record.
const CHROME = 'nav, header, footer, aside, [role="navigation"], [role="banner"], [role="dialog"], [role="menu"]';
// A name inside these is a link or a control of the page, not the record's own title.
const NOT_A_TITLE = 'a, button, label, option, select, textarea, input, script, style, template, noscript, title';
const HEADINGS = 'h1, h2, h3, [role="heading"]';

export const isRendered = (element: Element): boolean => element.getClientRects().length > 0;

export function findAnchor(root: Document, hints: AnchorHints = {}): Anchor | null {
  const isVisible = hints.isVisible ?? isRendered;
  const isOwn = hints.isOwn ?? (() => false);
  const usable = (el: Element | null | undefined): el is Element => !!el && !isOwn(el) && isVisible(el);

  if (hints.selector) {
    try {
      const chosen = [...root.querySelectorAll(hints.selector)].find(usable);
      if (chosen) return { element: chosen, kind: 'selector' };
    } catch {
      // Saved before it was checked, or a selector this page's browser does not know: the chain goes on.
    }
  }

  const wanted = (hints.names ?? []).map((n) => n.trim().toLowerCase()).filter((n) => n.length > 1);
  if (wanted.length && root.body) {
    const walker = root.createTreeWalker(root.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim().toLowerCase();
      if (!text || !wanted.includes(text)) continue;
      const element = node.parentElement;
      if (!element || element.closest(NOT_A_TITLE) || element.closest(CHROME)) continue;
      if (usable(element)) return { element, kind: 'name' };
    }
  }

  const main = root.querySelector('main, [role="main"]');
  for (const scope of main ? [main, root] : [root]) {
    const heading = [...scope.querySelectorAll(HEADINGS)].find(
      (el) => !el.closest(CHROME) && (el.textContent?.trim().length ?? 0) > 0 && usable(el),
    );
    if (heading) return { element: heading, kind: 'heading' };
  }
  return null;
}

/** A selector the admin may save: it parses, and it is short. `undefined` when fine, else why not. */
export function anchorSelectorProblem(selector: string, parse: (s: string) => void): string | undefined {
  const trimmed = selector.trim();
  if (!trimmed) return undefined;
  if (trimmed.length > 300) return t('options_anchor_too_long');
  try {
    parse(trimmed);
  } catch {
    return t('options_anchor_invalid', [trimmed]);
  }
  return undefined;
}
