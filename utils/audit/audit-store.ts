/**
 * The audit log in the trusted area (utils/platform/trusted-storage.ts), in chunks of AUDIT_CHUNK_SIZE entries. At the cap the log is
 * megabytes; stored whole, every removal rewrote all of it (a bulk run a few times a second). In
 * chunks, a new entry rewrites only the newest chunk, an undo mark only its entry's chunk, and
 * pruning drops whole chunks. The service worker is the only reader and writer, so it keeps the
 * log in memory after the first read. Entries are never changed in place: a change makes a new
 * entry object, which is how a save finds the chunks to write.
 */
import * as z from 'zod/mini';
import { onForgetRemembered } from '../platform/remembered-item';
import { sleep } from '../platform/sleep';
import { trustedArea } from '../platform/trusted-storage';
import { createWritePacer } from '../platform/write-pacer';
import { type AuditEntry, auditEntrySchema } from './stored';

export const AUDIT_CHUNK_SIZE = 100;
/** Ids of the chunks, oldest first. */
const INDEX_KEY = 'auditLog.chunks';
const chunkKey = (id: number) => `auditLog.${id}`;
/** Where the whole log lived before it was chunked: read once and moved. */
const WHOLE_LOG_KEY = 'auditLog';
/** A write starts no sooner than this after the one before: a bulk run adds entries many times a second. */
const MIN_GAP_MS = 400;

interface Chunk {
  id: number;
  entries: AuditEntry[];
}

interface StorageArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface AuditStore {
  /** The whole log, oldest first (a new array; the entries are shared and must not be changed). */
  read(): Promise<AuditEntry[]>;
  /**
   * Replaces the log with `next`; resolves once storage holds it (or a newer log). `nextTask`: its write starts on the
   * worker's next task, so what the worker is about to send (a removal's report) goes before the write's copying.
   */
  save(next: AuditEntry[], options?: { nextTask?: boolean }): Promise<void>;
  /** The next write skips the gap: for a change someone is waiting to see stored. */
  hurry(): void;
  /** The storage keys the log occupies (for its size). */
  keys(): Promise<string[]>;
}

export function createAuditStore(
  area: StorageArea,
  options: { sleep?: (ms: number) => Promise<void>; now?: () => number } = {},
): AuditStore {
  let chunks: Chunk[] | null = null;
  let loading: Promise<Chunk[]> | null = null;
  /** What the next write must do: chunks to write, keys to remove, and whether the index changed. */
  let dirty = new Set<number>();
  let gone = new Set<string>();
  let indexDirty = false;
  let waiters: { done: () => void; fail: (error: unknown) => void }[] = [];
  let storing = false;
  const wait = options.sleep ?? sleep;
  const newPacer = () => createWritePacer(MIN_GAP_MS, wait, options.now ?? Date.now);
  let pacer = newPacer();
  const pending = () => dirty.size > 0 || gone.size > 0 || indexDirty;

  onForgetRemembered(() => {
    chunks = null;
    loading = null;
    dirty = new Set();
    gone = new Set();
    indexDirty = false;
    pacer = newPacer();
  });

  const load = (): Promise<Chunk[]> => {
    if (chunks) return Promise.resolve(chunks);
    loading ??= (async () => {
      const stored = await area.get([INDEX_KEY, WHOLE_LOG_KEY]);
      const index = chunkIds.safeParse(stored[INDEX_KEY]);
      const ids = index.success ? index.data : undefined;
      const whole = stored[WHOLE_LOG_KEY] === undefined ? undefined : entriesOf(stored[WHOLE_LOG_KEY]);
      let loaded: Chunk[] = [];
      if (ids) {
        const bodies = ids.length ? await area.get(ids.map(chunkKey)) : {};
        loaded = ids.map((id) => ({ id, entries: entriesOf(bodies[chunkKey(id)]) }));
      } else if (whole) {
        for (let i = 0; i < whole.length; i += AUDIT_CHUNK_SIZE) {
          loaded.push({ id: loaded.length, entries: whole.slice(i, i + AUDIT_CHUNK_SIZE) });
          dirty.add(loaded.length - 1);
        }
        indexDirty = true;
      }
      // The whole log goes once its chunks and their index are written (or were, before a stop).
      if (whole) gone.add(WHOLE_LOG_KEY);
      chunks = loaded;
      if (pending() && !storing) void drain();
      return loaded;
    })().finally(() => {
      loading = null;
    });
    return loading;
  };

  const drain = async () => {
    storing = true;
    while (pending()) {
      await pacer.turn();
      const current = chunks ?? [];
      const items: Record<string, unknown> = {};
      for (const chunk of current) if (dirty.has(chunk.id)) items[chunkKey(chunk.id)] = chunk.entries;
      if (indexDirty) items[INDEX_KEY] = current.map((c) => c.id);
      const written = { dirty, indexDirty };
      const removing = [...gone];
      const settling = waiters;
      dirty = new Set();
      gone = new Set();
      indexDirty = false;
      waiters = [];
      try {
        // The index goes with the chunks it names; chunks it no longer names are removed after.
        if (Object.keys(items).length) await area.set(items);
      } catch (error) {
        // Kept for the next save, which tries again; no retrying on its own (storage may be full).
        for (const id of written.dirty) dirty.add(id);
        indexDirty ||= written.indexDirty;
        for (const key of removing) gone.add(key);
        for (const w of settling) w.fail(error);
        break;
      }
      for (const w of settling) w.done();
      if (!removing.length) continue;
      try {
        await area.remove(removing);
      } catch {
        // Unnamed chunks are harmless; they go with the next write.
        for (const key of removing) gone.add(key);
        break;
      }
    }
    storing = false;
  };

  const store: AuditStore = {
    async read() {
      return (await load()).flatMap((c) => c.entries);
    },

    save(next, { nextTask = false } = {}) {
      // Memory changes when this is called, so the next read sees it before storage does.
      if (!chunks) return load().then(() => store.save(next, { nextTask }));
      const before = chunks;
      const after = appended(before, next) ?? rechunk(before, next);
      const kept = new Set(after.map((c) => c.id));
      for (const chunk of before) if (!kept.has(chunk.id)) gone.add(chunkKey(chunk.id));
      const previous = new Map(before.map((c) => [c.id, c.entries]));
      for (const chunk of after) {
        const old = previous.get(chunk.id);
        if (!old || old.length !== chunk.entries.length || old.some((e, i) => e !== chunk.entries[i])) {
          dirty.add(chunk.id);
          gone.delete(chunkKey(chunk.id));
        }
      }
      if (before.length !== after.length || before.some((c, i) => c.id !== after[i]!.id)) indexDirty = true;
      chunks = after;
      if (!pending()) return Promise.resolve();
      const stored = new Promise<void>((done, fail) => waiters.push({ done, fail }));
      if (!storing && nextTask) {
        storing = true;
        void wait(0).then(drain);
      } else if (!storing) void drain();
      return stored;
    },

    hurry: () => pacer.hurry(),

    async keys() {
      return [INDEX_KEY, ...(await load()).map((c) => chunkKey(c.id))];
    },
  };
  return store;
}

/**
 * The common change, entries added after the newest (a bulk run records one per user): the stored chunks
 * stay as they are and only the last one, or new ones after it, take the new entries. Null for any other
 * change. It spares rechunk's index of every entry, which a long log made the bulk run's largest cost.
 */
function appended(before: Chunk[], next: AuditEntry[]): Chunk[] | null {
  let i = 0;
  for (const chunk of before) for (const entry of chunk.entries) if (next[i++] !== entry) return null;
  const after = before.slice();
  let newest = before.reduce((max, c) => Math.max(max, c.id), -1);
  for (; i < next.length; i++) {
    let last = after[after.length - 1];
    if (!last || last.entries.length >= AUDIT_CHUNK_SIZE) {
      last = { id: ++newest, entries: [] };
      after.push(last);
    } else if (last === before[before.length - 1]) {
      // Stored chunks are never changed in place: the store compares them with what it wrote.
      last = { id: last.id, entries: last.entries.slice() };
      after[after.length - 1] = last;
    }
    last.entries.push(next[i]!);
  }
  return after;
}

/**
 * Puts `next` into chunks, keeping each entry that was already stored in its chunk. A new entry
 * (appended, or an existing one changed) goes into the chunk of the entry before it while that
 * chunk has room, else into a new chunk after the newest.
 */
function rechunk(before: Chunk[], next: AuditEntry[]): Chunk[] {
  const home = new Map<AuditEntry, number>();
  let newest = -1;
  for (const chunk of before) {
    newest = Math.max(newest, chunk.id);
    for (const entry of chunk.entries) home.set(entry, chunk.id);
  }
  const after: Chunk[] = [];
  const used = new Set<number>();
  for (const entry of next) {
    let known = home.get(entry);
    let last = after[after.length - 1];
    // A chunk is one run of entries: one whose chunk was left behind counts as new.
    if (known !== undefined && known !== last?.id && used.has(known)) known = undefined;
    if (known !== undefined && known !== last?.id) {
      used.add(known);
      last = { id: known, entries: [] };
      after.push(last);
    } else if (known === undefined && (!last || last.entries.length >= AUDIT_CHUNK_SIZE)) {
      last = { id: ++newest, entries: [] };
      used.add(last.id);
      after.push(last);
    }
    last!.entries.push(entry);
  }
  return after;
}

const chunkIds = z.array(z.number().check(z.int(), z.nonnegative()));

/** A stored chunk's entries, each checked: one that does not fit is left out, and said in the console. */
function entriesOf(raw: unknown): AuditEntry[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((value) => {
    const parsed = auditEntrySchema.safeParse(value);
    if (parsed.success) return [parsed.data];
    console.warn('Badge Remover left out an audit entry that does not have the shape this version writes.');
    return [];
  });
}

export const auditStore = createAuditStore({
  get: (keys) => trustedArea().get(keys),
  set: (items) => trustedArea().set(items),
  remove: (keys) => trustedArea().remove(keys),
});
