/**
 * The bulk run in storage: its header under `bulkRun`, its items in chunks of RUN_CHUNK_SIZE beside it. A
 * write carries only the chunks whose items changed, so saving a 500-user run once a second no longer
 * serialises (and broadcasts to every listener) the whole queue each time. The service worker keeps the run
 * in memory; runs are never changed in place (utils/bulk/run.ts builds each next one), so nothing is copied
 * and a chunk is unchanged exactly when its items are the same objects.
 */
import { onForgetRemembered } from '../platform/remembered-item';
import { sleep } from '../platform/sleep';
import { createWritePacer } from '../platform/write-pacer';
import type { BulkItem, BulkRun } from './run-state';

export const RUN_KEY = 'bulkRun';
export const RUN_CHUNK_SIZE = 50;
const chunkKey = (index: number) => `${RUN_KEY}.items.${index}`;

/** What `bulkRun` holds: the run without its items, and how many chunks hold them. */
type RunHeader = Omit<BulkRun, 'items'> & { chunks: number; items?: BulkItem[] };

export interface StorageArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface RunStore {
  getValue(): Promise<BulkRun | null>;
  /** Memory changes at once; resolves once storage holds this run (or a newer one). */
  setValue(run: BulkRun | null): Promise<void>;
  /** The next write skips the gap: for a change someone is waiting to see stored. */
  hurry(): void;
}

/** Checks a run put together from storage: the whole run, or null when it does not have the shape written. */
export type ParseRun = (raw: unknown) => BulkRun | null;

/** The stored run; `chunked` is false for a run stored whole, before chunks (it reads as it was). */
async function readRun(
  area: Pick<StorageArea, 'get'>,
  parse: ParseRun,
): Promise<{ run: BulkRun | null; chunked: boolean }> {
  const { [RUN_KEY]: stored } = await area.get(RUN_KEY);
  const header = stored as RunHeader | null | undefined;
  if (!header || typeof header !== 'object') return { run: null, chunked: false };
  const { chunks, items: inline, ...run } = header;
  if (inline) return { run: parse({ ...run, items: inline }), chunked: false };
  const count = Number.isInteger(chunks) && chunks >= 0 && chunks <= MAX_CHUNKS ? chunks : 0;
  const keys = Array.from({ length: count }, (_, i) => chunkKey(i));
  const bodies = keys.length ? await area.get(keys) : {};
  const items = keys.flatMap((key) => {
    const body = bodies[key];
    return Array.isArray(body) ? (body as unknown[]) : [];
  });
  return { run: parse({ ...run, items }), chunked: true };
}

/** More chunks than a run of the largest size holds: a header that names more is not believed. */
const MAX_CHUNKS = 100;

export const readStoredRun = async (area: Pick<StorageArea, 'get'>, parse: ParseRun) =>
  (await readRun(area, parse)).run;

export function createRunStore(
  area: StorageArea,
  options: { parse: ParseRun; minGapMs?: number; sleep?: (ms: number) => Promise<void>; now?: () => number },
): RunStore {
  let known: { run: BulkRun | null } | null = null;
  let reading: Promise<BulkRun | null> | null = null;
  /** The items of each chunk as last written (or read), to tell which chunks changed. */
  let written: BulkItem[][] = [];
  let latest: { run: BulkRun | null; waiters: { done: () => void; fail: (e: unknown) => void }[] } | null = null;
  let storing = false;
  const newPacer = () => createWritePacer(options.minGapMs ?? 0, options.sleep ?? sleep, options.now ?? Date.now);
  let pacer = newPacer();
  onForgetRemembered(() => {
    known = null;
    reading = null;
    written = [];
    latest = null;
    pacer = newPacer();
  });

  const chunksOf = (items: readonly BulkItem[]) =>
    Array.from({ length: Math.ceil(items.length / RUN_CHUNK_SIZE) }, (_, i) =>
      items.slice(i * RUN_CHUNK_SIZE, (i + 1) * RUN_CHUNK_SIZE),
    );
  const same = (a: readonly BulkItem[] | undefined, b: readonly BulkItem[]) =>
    a !== undefined && a.length === b.length && a.every((item, i) => item === b[i]);

  const store = async (run: BulkRun | null) => {
    if (!run) {
      // Chunks this worker has not seen (it started after they were written) are named by the header.
      const { [RUN_KEY]: header } = written.length ? {} : await area.get(RUN_KEY);
      const count = Math.max(written.length, (header as RunHeader | undefined)?.chunks ?? 0);
      await area.remove([RUN_KEY, ...Array.from({ length: count }, (_, i) => chunkKey(i))]);
      written = [];
      return;
    }
    const { items, ...rest } = run;
    const chunks = chunksOf(items);
    const changed: Record<string, unknown> = {};
    chunks.forEach((chunk, i) => {
      if (!same(written[i], chunk)) changed[chunkKey(i)] = chunk;
    });
    // The header goes with the chunks it counts; chunks past the new end go after.
    await area.set({ ...changed, [RUN_KEY]: { ...rest, chunks: chunks.length } satisfies RunHeader });
    const gone = written.slice(chunks.length).map((_, i) => chunkKey(chunks.length + i));
    written = chunks;
    if (gone.length) await area.remove(gone);
  };

  const drain = async () => {
    storing = true;
    while (latest) {
      await pacer.turn();
      const { run, waiters } = latest;
      latest = null;
      try {
        await store(run);
        for (const w of waiters) w.done();
      } catch (error) {
        // The next write compares with what was stored before this one failed: everything it lacks goes then.
        written = [];
        for (const w of waiters) w.fail(error);
      }
    }
    storing = false;
  };

  return {
    async getValue() {
      if (known) return known.run;
      reading ??= readRun(area, options.parse).then(({ run, chunked }) => {
        reading = null;
        if (!known) {
          known = { run };
          // A run stored whole has no chunks yet: its first write stores them all.
          written = run && chunked ? chunksOf(run.items) : [];
        }
        return known.run;
      });
      return reading;
    },
    setValue(run) {
      known = { run };
      return new Promise<void>((done, fail) => {
        latest = { run, waiters: [...(latest?.waiters ?? []), { done, fail }] };
        if (!storing) void drain();
      });
    },
    hurry: () => pacer.hurry(),
  };
}

/**
 * Calls back with the whole run whenever it is saved (the bulk page's progress), built from the chunks each
 * change carries, so a page never reads the whole run again. Returns the unwatch.
 */
export function watchStoredRun(
  onChange: (run: BulkRun | null) => void,
  area: Pick<StorageArea, 'get'> & {
    onChanged(listener: (changes: Record<string, { newValue?: unknown }>) => void): () => void;
  },
  parse: ParseRun,
): () => void {
  let header: RunHeader | null = null;
  let chunks: BulkItem[][] = [];
  let ready = false;
  const queued: Record<string, { newValue?: unknown }>[] = [];
  const apply = (changes: Record<string, { newValue?: unknown }>) => {
    for (const [key, change] of Object.entries(changes)) {
      if (key === RUN_KEY) header = (change.newValue as RunHeader | undefined) ?? null;
      else if (key.startsWith(`${RUN_KEY}.items.`)) {
        const index = Number(key.slice(`${RUN_KEY}.items.`.length));
        if (change.newValue) chunks[index] = change.newValue as BulkItem[];
      }
    }
  };
  const current = (): BulkRun | null => {
    if (!header) return null;
    const { chunks: count, items: inline, ...run } = header;
    return parse({ ...run, items: inline ?? chunks.slice(0, count ?? 0).flat() });
  };
  const listener = (changes: Record<string, { newValue?: unknown }>) => {
    if (!Object.keys(changes).some((k) => k === RUN_KEY || k.startsWith(`${RUN_KEY}.`))) return;
    if (!ready) return void queued.push(changes);
    apply(changes);
    onChange(current());
  };
  const unwatch = area.onChanged(listener);
  // The starting point, read once; changes that arrive meanwhile apply after it.
  void readStoredRun(area, parse).then((run) => {
    if (run) {
      const { items, ...rest } = run;
      header = { ...rest, chunks: Math.ceil(items.length / RUN_CHUNK_SIZE) };
      chunks = Array.from({ length: header.chunks }, (_, i) =>
        items.slice(i * RUN_CHUNK_SIZE, (i + 1) * RUN_CHUNK_SIZE),
      );
    }
    ready = true;
    if (!queued.length) return;
    for (const changes of queued.splice(0)) apply(changes);
    onChange(current());
  });
  return unwatch;
}
