import { describe, expect, it } from 'vitest';
import {
  type IntersectionObserverFactory,
  OPEN_GATE,
  tracksVisibility,
  VISIBILITY_DWELL_MS,
  type VisibilityReport,
  visibilityGate,
  watchWithObserver,
} from '../../../utils/removal/visibility-gate';

/** A gate on a hand-driven clock and visibility reports. */
function gateAt(start = 1000) {
  let now = start;
  let report: (r: VisibilityReport) => void = () => {};
  let stopped = false;
  const gate = visibilityGate({
    watch: (onReport) => {
      report = onReport;
      return () => {
        stopped = true;
      };
    },
    now: () => now,
  });
  return {
    gate,
    advance: (ms: number) => {
      now += ms;
    },
    now: () => now,
    visible: () => report({ isIntersecting: true, isVisible: true }),
    covered: () => report({ isIntersecting: true, isVisible: false }),
    away: () => report({ isIntersecting: false, isVisible: false }),
    stopped: () => stopped,
  };
}

describe('the visibility gate', () => {
  it('opens once the step has been visible, uncovered, for the dwell; not before', () => {
    const g = gateAt();
    const shownAt = g.now();
    // Before any report: the browser has not said the panel is visible.
    expect(g.gate.check(shownAt)).toEqual({ open: false, reason: 'settling' });
    g.visible();
    expect(g.gate.check(shownAt)).toEqual({ open: false, reason: 'settling', opensAt: shownAt + VISIBILITY_DWELL_MS });
    g.advance(VISIBILITY_DWELL_MS - 1);
    expect(g.gate.check(shownAt).open).toBe(false);
    g.advance(1);
    expect(g.gate.check(shownAt)).toEqual({ open: true });
  });

  it('stays shut while the page makes the panel transparent or covers it, and says so', () => {
    const g = gateAt();
    const shownAt = g.now();
    g.covered();
    g.advance(10_000);
    expect(g.gate.check(shownAt)).toEqual({ open: false, reason: 'covered' });
  });

  it('a panel covered, then uncovered just before the click (a decoy moved away), is still refused as covered', () => {
    const g = gateAt();
    const shownAt = g.now();
    g.visible();
    g.advance(2000);
    expect(g.gate.check(shownAt).open).toBe(true);
    g.covered();
    g.advance(2000);
    g.visible();
    g.advance(100);
    expect(g.gate.check(shownAt)).toMatchObject({ open: false, reason: 'covered' });
    // The dwell starts again from when it showed.
    g.advance(VISIBILITY_DWELL_MS - 100);
    expect(g.gate.check(shownAt)).toEqual({ open: true });
  });

  it('a step that appears counts its own dwell, even while the panel was visible before it', () => {
    const g = gateAt();
    g.visible();
    g.advance(5000);
    const previewAt = g.now();
    // A quick second click (a double click on Review lands on Remove): too soon, and nothing hid it.
    g.advance(100);
    expect(g.gate.check(previewAt)).toMatchObject({ open: false, reason: 'settling' });
    g.advance(VISIBILITY_DWELL_MS);
    expect(g.gate.check(previewAt)).toEqual({ open: true });
  });

  it('a panel moved in from off screen just before the click is refused', () => {
    const g = gateAt();
    const shownAt = g.now();
    g.away();
    g.advance(3000);
    expect(g.gate.check(shownAt)).toEqual({ open: false, reason: 'settling' });
    g.visible();
    g.advance(50);
    expect(g.gate.check(shownAt)).toMatchObject({ open: false });
  });

  it('tells its listeners of each report, and stops watching when stopped', () => {
    const g = gateAt();
    let heard = 0;
    const unsubscribe = g.gate.subscribe(() => heard++);
    g.visible();
    g.covered();
    unsubscribe();
    g.visible();
    expect(heard).toBe(2);
    g.gate.stop();
    expect(g.stopped()).toBe(true);
  });

  it('is open where no page can cover the panel', () => {
    expect(OPEN_GATE.check(0)).toEqual({ open: true });
  });
});

describe('IntersectionObserver v2', () => {
  it('is told by the entry having isVisible', () => {
    expect(tracksVisibility({ IntersectionObserverEntry: { prototype: { isVisible: false } } })).toBe(true);
    expect(tracksVisibility({ IntersectionObserverEntry: { prototype: {} } })).toBe(false);
    expect(tracksVisibility({})).toBe(false);
  });

  it('watches the panel with trackVisibility and a delay of at least 100 ms, reporting the latest entry', () => {
    const made: { options: unknown; target?: Element; disconnected: boolean }[] = [];
    let callback: (entries: { isIntersecting: boolean; isVisible?: boolean }[]) => void = () => {};
    const Observer = class {
      record: (typeof made)[number];
      constructor(cb: typeof callback, options: unknown) {
        callback = cb;
        this.record = { options, disconnected: false };
        made.push(this.record);
      }
      observe(target: Element) {
        this.record.target = target;
      }
      disconnect() {
        this.record.disconnected = true;
      }
    } as unknown as IntersectionObserverFactory;
    const target = {} as Element;
    const reports: VisibilityReport[] = [];
    const stop = watchWithObserver(Observer, target)((r) => reports.push(r));
    expect(made).toHaveLength(1);
    expect(made[0]!.options).toMatchObject({ trackVisibility: true });
    expect((made[0]!.options as { delay: number }).delay).toBeGreaterThanOrEqual(100);
    expect(made[0]!.target).toBe(target);
    callback([
      { isIntersecting: true, isVisible: true },
      { isIntersecting: true, isVisible: false },
    ]);
    // An entry without isVisible (no v2) is never taken as visible.
    callback([{ isIntersecting: true }]);
    expect(reports).toEqual([
      { isIntersecting: true, isVisible: false },
      { isIntersecting: true, isVisible: false },
    ]);
    stop();
    expect(made[0]!.disconnected).toBe(true);
  });
});
