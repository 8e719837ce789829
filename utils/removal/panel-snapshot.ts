/**
 * The panel's read of a user's badges, kept in the service worker, standing in for a removal's first read: the panel
 * read them moments ago to show them, so confirming costs the removal and its read-back only (like a bulk run's dry
 * run, utils/bulk/run.ts `dryRunSnapshot`). Only the worker's own read is kept, keyed by the panel that asked and its
 * target; a panel's message never carries one. It stands in once, and only while fresh and while nothing this worker
 * sent to Zoho since has failed or changed badges: otherwise the removal reads first, as it always did. Kept in
 * memory: a restarted worker has none.
 */
import type { DeskClient } from '../platform/zoho/desk-client';
import type { RemovalRequest } from './remove';

/** How long the panel's read stands in for the removal's first read; older, the removal reads first. */
export const PANEL_SNAPSHOT_MAX_AGE_MS = 60_000;

type Before = NonNullable<RemovalRequest['before']>;
type Target = { userId: string; helpCenterId?: string };

interface Snapshot {
  badges: Before;
  at: number;
  /** The worker's counts of Desk calls that change something, and of calls that failed, when it was taken. */
  changes: number;
  failures: number;
}

export type PanelSnapshots = ReturnType<typeof panelSnapshots>;

export function panelSnapshots(now: () => number) {
  const kept = new Map<string, Snapshot>();
  let changes = 0;
  let failures = 0;
  const key = (panelId: string, target: Target) => JSON.stringify([panelId, target.userId, target.helpCenterId ?? '']);

  return {
    /**
     * Every Desk call of the worker passes here: one that changes something (before it is sent and once it ended) or
     * one that fails ends the snapshots taken before it.
     */
    watch(client: DeskClient): DeskClient {
      return {
        async request(req) {
          const change = req.method !== 'GET';
          if (change) changes++;
          try {
            return await client.request(req);
          } catch (error) {
            failures++;
            throw error;
          } finally {
            if (change) changes++;
          }
        },
      };
    },

    /**
     * Around the panel's read: `read()` runs it, and what it read is kept for that panel. A change sent while it read
     * spoils it; a failure during it (a help center list Zoho will not give, caught) does not, as the read succeeded.
     */
    async keep<T extends { badges: Before }>(panelId: string, target: Target, read: () => Promise<T>): Promise<T> {
      const changesAtStart = changes;
      // Its age counts from when the read was sent.
      const at = now();
      const view = await read();
      const k = key(panelId, target);
      if (changes !== changesAtStart) kept.delete(k);
      else
        kept.set(k, {
          badges: view.badges.map((b) => ({ id: b.id, name: b.name })),
          at,
          changes,
          failures,
        });
      const t = now();
      for (const [other, s] of kept) if (t - s.at >= PANEL_SNAPSHOT_MAX_AGE_MS) kept.delete(other);
      return view;
    },

    /** The panel's read for this removal, if it may stand in: taken once (a retry reads first), fresh and unspoilt. */
    take(panelId: string, target: Target): Before | undefined {
      const k = key(panelId, target);
      const s = kept.get(k);
      kept.delete(k);
      if (!s || now() - s.at >= PANEL_SNAPSHOT_MAX_AGE_MS) return undefined;
      return s.changes === changes && s.failures === failures ? s.badges : undefined;
    },

    /** On disconnect: what was read belongs to the organization. */
    clear() {
      kept.clear();
    },
  };
}
