/**
 * A storage area as chrome.storage.local behaves for the stores built on it: it keeps copies, notes the keys
 * of every write and removal, and tells its listeners what changed.
 */
type Changes = Record<string, { newValue?: unknown }>;

export function fakeStorageArea(initial: Record<string, unknown> = {}) {
  const data = new Map(Object.entries(structuredClone(initial)));
  const writes: string[][] = [];
  const removals: string[][] = [];
  const listeners = new Set<(changes: Changes, areaName: string) => void>();
  const tell = (changes: Changes) => {
    for (const listener of listeners) listener(structuredClone(changes), 'local');
  };
  return {
    data,
    writes,
    removals,
    events: {
      addListener: (listener: (changes: Changes, areaName: string) => void) => void listeners.add(listener),
      removeListener: (listener: (changes: Changes, areaName: string) => void) => void listeners.delete(listener),
    },
    async get(keys: string | string[]) {
      const out: Record<string, unknown> = {};
      for (const key of [keys].flat()) if (data.has(key)) out[key] = structuredClone(data.get(key));
      return out;
    },
    async set(items: Record<string, unknown>) {
      writes.push(Object.keys(items).sort());
      for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
      tell(Object.fromEntries(Object.entries(items).map(([key, value]) => [key, { newValue: value }])));
    },
    async remove(keys: string | string[]) {
      removals.push([keys].flat());
      for (const key of [keys].flat()) data.delete(key);
      tell(Object.fromEntries([keys].flat().map((key) => [key, {}])));
    },
  };
}
