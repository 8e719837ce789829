/**
 * Whether a click on the panel's Review or confirm button can be the admin's, seeing what they click. A Desk page
 * cannot click inside the panel's frame, but it can make the frame transparent, cover it, or move it under a decoy,
 * and lure the admin's own clicks onto its buttons. In Chromium, IntersectionObserver v2 (`trackVisibility`) says
 * whether the panel's document is drawn at full opacity, untransformed and with nothing over it; a gated button acts
 * only once that has held, for its step, for a dwell. Where no page can cover the panel (a window of its own, the
 * popup) the gate is open. The panel page wires it (entrypoints/removal-panel), components/common/GatedButton.tsx
 * asks it.
 */

/** How long a step must have been visible before its button acts: long enough to see it, too short to wait for. */
export const VISIBILITY_DWELL_MS = 500;
/** The least delay IntersectionObserver v2 takes between visibility reports. */
export const VISIBILITY_DELAY_MS = 100;

/** One IntersectionObserver v2 report on the panel. */
export interface VisibilityReport {
  isIntersecting: boolean;
  /** Drawn at full opacity, untransformed, unfiltered and with nothing over it. */
  isVisible: boolean;
}

/**
 * `covered`: the panel is (or was, within the dwell) hidden on screen: transparent, covered, transformed.
 * `settling`: the step has not been visible for the dwell yet, and nothing hid it.
 */
export type GateState = { open: true } | { open: false; reason: 'covered' | 'settling'; opensAt?: number };

export interface VisibilityGate {
  /** Whether a button of a step shown since `shownAt` (this gate's clock) may act now. */
  check(shownAt: number): GateState;
  now(): number;
  /** `listener` is called whenever a report changes what the gate knows; returns what unsubscribes it. */
  subscribe(listener: () => void): () => void;
}

/** Where no page can cover the panel. */
export const OPEN_GATE: VisibilityGate = {
  check: () => ({ open: true }),
  now: () => 0,
  subscribe: () => () => {},
};

/** Starts watching the panel's visibility, reporting each change; returns what stops it. */
export type WatchVisibility = (onReport: (report: VisibilityReport) => void) => () => void;

export function visibilityGate(deps: {
  watch: WatchVisibility;
  now: () => number;
  dwellMs?: number;
}): VisibilityGate & { stop(): void } {
  const dwell = deps.dwellMs ?? VISIBILITY_DWELL_MS;
  const listeners = new Set<() => void>();
  /** Since when the panel is visible without a break; null while it is not, or before the first report. */
  let visibleSince: number | null = null;
  let covered = false;
  /** When the panel was last known covered (the moment it stopped being so). */
  let coveredUntil: number | null = null;

  const stop = deps.watch(({ isIntersecting, isVisible }) => {
    const at = deps.now();
    // Off screen (the frame scrolled away, not yet sized) hides nothing a click could land on.
    const nowCovered = isIntersecting && !isVisible;
    if (covered && !nowCovered) coveredUntil = at;
    covered = nowCovered;
    if (!isVisible) visibleSince = null;
    else visibleSince ??= at;
    for (const listener of listeners) listener();
  });

  return {
    now: deps.now,
    check(shownAt) {
      const at = deps.now();
      if (visibleSince === null) return { open: false, reason: covered ? 'covered' : 'settling' };
      const opensAt = Math.max(visibleSince, shownAt) + dwell;
      if (at >= opensAt) return { open: true };
      const recentlyCovered = coveredUntil !== null && at - coveredUntil < dwell;
      return { open: false, reason: recentlyCovered ? 'covered' : 'settling', opensAt };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      listeners.clear();
      stop();
    },
  };
}

/** The piece of IntersectionObserver this needs, so tests can hand in their own. */
export type IntersectionObserverFactory = new (
  callback: (entries: { isIntersecting: boolean; isVisible?: boolean }[]) => void,
  options: { trackVisibility: boolean; delay: number; threshold?: number },
) => { observe(target: Element): void; disconnect(): void };

/** Whether this browser reports visibility (IntersectionObserver v2): Chromium does, Firefox does not. */
export function tracksVisibility(scope: { IntersectionObserverEntry?: { prototype: object } }): boolean {
  return Boolean(scope.IntersectionObserverEntry && 'isVisible' in scope.IntersectionObserverEntry.prototype);
}

/** Watches `target` (the panel's root) with IntersectionObserver v2. */
export function watchWithObserver(Observer: IntersectionObserverFactory, target: Element): WatchVisibility {
  return (onReport) => {
    const observer = new Observer(
      (entries) => {
        const last = entries.at(-1);
        if (last) onReport({ isIntersecting: last.isIntersecting, isVisible: last.isVisible === true });
      },
      { trackVisibility: true, delay: VISIBILITY_DELAY_MS },
    );
    observer.observe(target);
    return () => observer.disconnect();
  };
}
